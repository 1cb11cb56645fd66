using MediaAdmin.Core.Storage;

namespace MediaAdmin.Core.Reconciliation;

/// <summary>A local-disk file's last write time, read through the storage's own link-checked path of the key.</summary>
internal sealed class LocalDiskFileAges(LocalDiskMediaStorage storage) : IStoredFileAges
{
    public Task<DateTimeOffset?> LastModifiedAsync(StorageKey key, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(storage.PathOf(key));
        return Task.FromResult<DateTimeOffset?>(file.Exists ? new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero) : null);
    }
}
