using System.Runtime.CompilerServices;

namespace MediaAdmin.Core.Storage;

/// <summary>
/// Keeps media files in a folder on the local disk. Nothing is read, written or deleted through a symbolic link
/// or reparse point inside that folder: a key reached through one names no stored file.
/// </summary>
public sealed class LocalDiskMediaStorage : IMediaStorage
{
    private const int MaxFolderRaces = 3;

    private readonly LinkFreePaths _paths;
    private readonly EmptyFolderPruner _pruner;

    public LocalDiskMediaStorage(string rootPath)
        : this(rootPath, Directory.Delete)
    {
    }

    /// <summary>For tests: <paramref name="removeFolder"/> stands in for removing an empty folder, to make it fail.</summary>
    internal LocalDiskMediaStorage(string rootPath, Action<string> removeFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        _paths = new LinkFreePaths(rootPath);
        _pruner = new EmptyFolderPruner(_paths, removeFolder);
        Directory.CreateDirectory(_paths.Root);
    }

    public string RootPath => _paths.Root;

    public async Task WriteAsync(StorageKey key, Stream content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);

        // Written beside the target and moved into place, so a reader never sees half a file.
        var partial = path + ".partial-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var file = CreatePartialFile(key, partial))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            DeleteFile(partial);
        }
    }

    public Task<Stream?> OpenReadAsync(StorageKey key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        if (!_paths.IsRealFile(path))
        {
            return Task.FromResult<Stream?>(null);
        }

        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(StorageKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_paths.IsRealFile(PathOf(key)));

    public Task DeleteAsync(StorageKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(key);
        var folder = Path.GetDirectoryName(path)!;
        if (_paths.IsRealFolderChain(folder))
        {
            DeleteFile(path);
            _pruner.RemoveEmptyFolders(folder);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<StorageKey, Exception>> DeleteManyAsync(IReadOnlyCollection<StorageKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var failures = new Dictionary<StorageKey, Exception>();
        var realFolders = new HashSet<string>(StringComparer.Ordinal);
        string? lastFolder = null;
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = PathOf(key);
            var folder = Path.GetDirectoryName(path)!;

            // A key reached through a linked folder names nothing stored here; what the link leads to stays.
            if (!_paths.IsRealFolderChain(folder, realFolders))
            {
                continue;
            }

            try
            {
                DeleteFile(path);
                if (folder != lastFolder)
                {
                    _pruner.Enqueue(folder);
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
    /// Removes the folders that deletes left empty: those batch deletes queued, those a pass could not remove,
    /// and on the first pass every empty folder under the root. Removing a folder costs about as much as
    /// removing twenty files here, so it is done between requests rather than inside them.
    /// </summary>
    public Task PruneAsync(CancellationToken cancellationToken = default)
    {
        _pruner.Prune(cancellationToken);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StorageKey> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var start = prefix.Length == 0 ? _paths.Root : PathOf(StorageKey.Parse(prefix.TrimEnd('/')));
        if (!_paths.IsRealFolderChain(start))
        {
            yield break;
        }

        foreach (var file in LinkFreePaths.RealFilesIn(start))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(_paths.Root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (StorageKey.TryParse(relative, out var key, out _))
            {
                yield return key;
            }
        }

        await Task.CompletedTask;
    }

    /// <summary>The full path of a key; refuses any path that would resolve outside the root.</summary>
    public string PathOf(StorageKey key) => _paths.PathOf(key);

    private FileStream CreatePartialFile(StorageKey key, string partial)
    {
        var folder = Path.GetDirectoryName(partial)!;
        for (var attempt = 1; ; attempt++)
        {
            _paths.CreateFolderChain(folder, key);
            try
            {
                return new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            }
            catch (DirectoryNotFoundException) when (attempt < MaxFolderRaces)
            {
                // Pruned as empty between its creation and this file's: create it again.
            }
        }
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
}
