using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace MediaAdmin.Core.Storage;

/// <summary>Keeps media files in a folder on the local disk.</summary>
public sealed class LocalDiskMediaStorage : IMediaStorage
{
    private readonly string _root;
    private readonly ConcurrentQueue<string> _foldersToPrune = new();

    public LocalDiskMediaStorage(string rootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootPath));
        Directory.CreateDirectory(_root);
    }

    public string RootPath => _root;

    public async Task WriteAsync(StorageKey key, Stream content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Written beside the target and moved into place, so a reader never sees half a file.
        var partial = path + ".partial-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<Stream?> OpenReadAsync(StorageKey key, CancellationToken cancellationToken = default)
    {
        try
        {
            Stream stream = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(StorageKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(StorageKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(key);
        DeleteFile(path);
        RemoveEmptyFolders(Path.GetDirectoryName(path)!);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<StorageKey, Exception>> DeleteManyAsync(IReadOnlyCollection<StorageKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var failures = new Dictionary<StorageKey, Exception>();
        string? lastFolder = null;
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = PathOf(key);
            try
            {
                DeleteFile(path);
                var folder = Path.GetDirectoryName(path)!;
                if (folder != lastFolder)
                {
                    _foldersToPrune.Enqueue(folder);
                    lastFolder = folder;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failures[key] = ex;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<StorageKey, Exception>>(failures);
    }

    /// <summary>
    /// Removes the folders that batch deletes left empty. Removing a folder costs about as much as
    /// removing twenty files here, so it is done between requests rather than inside them.
    /// </summary>
    public Task PruneAsync(CancellationToken cancellationToken = default)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        while (_foldersToPrune.TryDequeue(out var folder))
        {
            folders.Add(folder);
        }

        foreach (var folder in folders.OrderByDescending(f => f.Length))
        {
            cancellationToken.ThrowIfCancellationRequested();
            RemoveEmptyFolders(folder);
        }

        return Task.CompletedTask;
    }

    private static void DeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // The file's folder is gone, so is the file: that is the outcome asked for.
        }
    }

    public async IAsyncEnumerable<StorageKey> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var start = prefix.Length == 0 ? _root : PathOf(StorageKey.Parse(prefix.TrimEnd('/')));
        if (!Directory.Exists(start))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (StorageKey.TryParse(relative, out var key, out _))
            {
                yield return key;
            }
        }

        await Task.CompletedTask;
    }

    /// <summary>The full path of a key; refuses any path that would resolve outside the root.</summary>
    public string PathOf(StorageKey key)
    {
        if (key.Value is null)
        {
            throw new ArgumentException("An empty storage key names no file.", nameof(key));
        }

        // A parsed key has no '.', '..' or empty segment and is not rooted, so joining it is already a full,
        // normalised path; the check below stays as a second line of defence.
        var full = Path.Join(_root, Path.DirectorySeparatorChar == '/' ? key.Value : key.Value.Replace('/', Path.DirectorySeparatorChar));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Storage key '{key}' resolves outside the storage root.", nameof(key));
        }

        return full;
    }

    private void RemoveEmptyFolders(string folder)
    {
        // Deleted assets would otherwise leave a trail of empty folders behind them.
        while (folder.Length > _root.Length && folder.StartsWith(_root, StringComparison.Ordinal))
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    return;
                }

                Directory.Delete(folder);
            }
            catch (IOException)
            {
                return;
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }

            folder = Path.GetDirectoryName(folder)!;
        }
    }
}
