namespace MediaAdmin.Core.Storage;

/// <summary>Where media files live. Keys are validated <see cref="StorageKey"/>s, so no call can reach outside the store.</summary>
public interface IMediaStorage
{
    Task WriteAsync(StorageKey key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Opens a file for reading, or returns null when there is none under that key.</summary>
    Task<Stream?> OpenReadAsync(StorageKey key, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(StorageKey key, CancellationToken cancellationToken = default);

    /// <summary>Removes a file. A file that is already gone counts as removed.</summary>
    Task DeleteAsync(StorageKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes many files, going on past failures; returns the keys that could not be removed with why.
    /// Files already gone count as removed.
    /// </summary>
    Task<IReadOnlyDictionary<StorageKey, Exception>> DeleteManyAsync(IReadOnlyCollection<StorageKey> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// Housekeeping the deletion worker runs at start-up and between requests (local disk: removing the folders
    /// deletes emptied, again on a later pass when removing one failed, and at start-up those an earlier run left).
    /// </summary>
    Task PruneAsync(CancellationToken cancellationToken = default);

    /// <summary>Every key in the store under a prefix of whole segments (all keys for an empty prefix).</summary>
    IAsyncEnumerable<StorageKey> ListAsync(string prefix = "", CancellationToken cancellationToken = default);
}
