using MediaAdmin.Core.Storage;

namespace MediaAdmin.Core.Reconciliation;

/// <summary>
/// When a stored file was last written. Kept apart from <see cref="IMediaStorage"/> because only reconciliation
/// needs it; a storage provider may implement it itself (a blob's Last-Modified), local disk has an adapter.
/// </summary>
public interface IStoredFileAges
{
    /// <summary>The file's last write time, or null when there is no file under the key.</summary>
    Task<DateTimeOffset?> LastModifiedAsync(StorageKey key, CancellationToken cancellationToken = default);
}
