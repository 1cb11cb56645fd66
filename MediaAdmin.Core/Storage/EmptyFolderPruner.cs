using System.Collections.Concurrent;

namespace MediaAdmin.Core.Storage;

/// <summary>
/// Removes the folders that deletions leave empty. A removal that fails (a read-only moment) is tried again on
/// the next pass, and the first pass after start-up sweeps every empty folder under the root, so folders left by
/// an earlier run do not stay. Never removes the root, a folder that holds anything, or anything through a link.
/// </summary>
internal sealed class EmptyFolderPruner(LinkFreePaths paths, Action<string> removeFolder)
{
    private readonly ConcurrentQueue<string> _queued = new();
    private int _swept;

    /// <summary>Marks a folder to look at on the next pass.</summary>
    public void Enqueue(string folder) => _queued.Enqueue(folder);

    /// <summary>Removes <paramref name="folder"/> and then each parent, while they are empty real folders below the root.</summary>
    public void RemoveEmptyFolders(string folder)
    {
        var below = paths.Root + Path.DirectorySeparatorChar;
        for (var current = folder; current.StartsWith(below, StringComparison.Ordinal); current = Path.GetDirectoryName(current)!)
        {
            if (!TryRemove(current))
            {
                return;
            }
        }
    }

    /// <summary>One pass: the start-up sweep the first time, then the queued folders, deepest first.</summary>
    public void Prune(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _swept, 1) == 0)
        {
            Sweep(paths.Root, cancellationToken);
        }

        var folders = new HashSet<string>(StringComparer.Ordinal);
        while (_queued.TryDequeue(out var folder))
        {
            folders.Add(folder);
        }

        foreach (var folder in folders.OrderByDescending(f => f.Length))
        {
            cancellationToken.ThrowIfCancellationRequested();
            RemoveEmptyFolders(folder);
        }
    }

    private void Sweep(string folder, CancellationToken cancellationToken)
    {
        List<string> subfolders;
        try
        {
            subfolders = LinkFreePaths.RealSubfolders(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Removed meanwhile, or unreadable: there is nothing this sweep can take from it.
            return;
        }

        foreach (var subfolder in subfolders)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Sweep(subfolder, cancellationToken);
            TryRemove(subfolder);
        }
    }

    /// <summary>True when the folder was removed; false when it is gone, a link, not empty, or could not be removed now.</summary>
    private bool TryRemove(string folder)
    {
        if (!LinkFreePaths.IsRealFolder(folder))
        {
            return false;
        }

        try
        {
            if (Directory.EnumerateFileSystemEntries(folder).Any())
            {
                return false;
            }

            removeFolder(folder);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Looked at again on the next pass; by then it may be removable, or hold a file and be kept.
            _queued.Enqueue(folder);
            return false;
        }
    }
}
