using System.Runtime.CompilerServices;
using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MediaAdmin.Core.Reconciliation;

namespace MediaAdmin.Core.Storage.AzureBlob;

/// <summary>
/// Keeps media files as block blobs in one container of Azure Blob Storage (or Azurite); a key is the blob's name.
/// A write becomes visible only when complete, so a failed or cancelled one leaves nothing under its key.
/// An unreachable or failing service surfaces as <see cref="StorageUnavailableException"/>. A blob's age is its
/// Last-Modified, so reconciliation can fix orphans here while keeping to its grace period.
/// </summary>
public sealed partial class AzureBlobMediaStorage : IMediaStorage, IStoredFileAges
{
    private const int DefaultBlockSize = 4 * 1024 * 1024;
    private const int DefaultListPageSize = 5000;

    private readonly BlobContainerClient _container;
    private readonly int _deleteConcurrency;

    /// <param name="container">The container files are kept in; see <see cref="CreateContainerClient"/>.</param>
    /// <param name="deleteConcurrency">How many blobs <see cref="DeleteManyAsync"/> removes at once.</param>
    public AzureBlobMediaStorage(BlobContainerClient container, int deleteConcurrency = AzureBlobStorageOptions.DefaultDeleteConcurrency)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentOutOfRangeException.ThrowIfLessThan(deleteConcurrency, 1);
        _container = container;
        _deleteConcurrency = deleteConcurrency;
    }

    /// <summary>The container's address (never its key).</summary>
    public Uri ContainerUri => _container.Uri;

    /// <summary>For tests: content larger than this is uploaded in blocks of this size.</summary>
    internal int BlockSize { get; init; } = DefaultBlockSize;

    /// <summary>For tests: how many names one listing request asks for.</summary>
    internal int ListPageSize { get; init; } = DefaultListPageSize;

    /// <summary>
    /// A client for the validated settings. Its own retries are few and short: a caller that gets
    /// <see cref="StorageUnavailableException"/> (the deletion worker) retries later with its own back-off.
    /// </summary>
    public static BlobContainerClient CreateContainerClient(AzureBlobStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = new BlobClientOptions();
        client.Retry.Mode = RetryMode.Exponential;
        client.Retry.MaxRetries = 3;
        client.Retry.Delay = TimeSpan.FromMilliseconds(200);
        client.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        client.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return new BlobContainerClient(options.ConnectionString, options.Container, client);
    }

    /// <summary>Creates the container unless it exists; run once at start-up.</summary>
    public Task CreateContainerIfMissingAsync(CancellationToken cancellationToken = default) =>
        GuardAsync(() => _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken));

    /// <summary>A seekable stream with a known Length, so /cdn can answer range requests; null when there is no such blob.</summary>
    /// <remarks>The stream reads the version opened: a blob replaced while it is read fails the read rather than mix versions.</remarks>
    public async Task<Stream?> OpenReadAsync(StorageKey key, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GuardAsync(() => _container.GetBlobClient(key.Value).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken));
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(StorageKey key, CancellationToken cancellationToken = default) =>
        (await GuardAsync(() => _container.GetBlobClient(key.Value).ExistsAsync(cancellationToken))).Value;

    /// <summary>The blob's Last-Modified as the service keeps it (whole seconds), or null when there is no such blob.</summary>
    public async Task<DateTimeOffset?> LastModifiedAsync(StorageKey key, CancellationToken cancellationToken = default)
    {
        try
        {
            return (await GuardAsync(() => _container.GetBlobClient(key.Value).GetPropertiesAsync(cancellationToken: cancellationToken))).Value.LastModified;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Removes a blob with its snapshots; one already gone counts as removed.</summary>
    public Task DeleteAsync(StorageKey key, CancellationToken cancellationToken = default) =>
        GuardAsync(() => _container.GetBlobClient(key.Value).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken));

    /// <summary>
    /// Removes the blobs in parallel, a bounded number at once. A blob the service refuses to remove (leased, say)
    /// is reported with why and the others go on; an unreachable service stops the batch with
    /// <see cref="StorageUnavailableException"/>, as every remaining removal would fail the same way.
    /// </summary>
    public async Task<IReadOnlyDictionary<StorageKey, Exception>> DeleteManyAsync(IReadOnlyCollection<StorageKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<StorageKey, Exception>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _deleteConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(keys.Distinct(), parallel, async (key, token) =>
        {
            try
            {
                await DeleteAsync(key, token);
            }
            catch (RequestFailedException ex)
            {
                failures[key] = ex;
            }
        });

        return new Dictionary<StorageKey, Exception>(failures);
    }

    /// <summary>
    /// Does nothing: blob storage has no folders. A name's "folders" are only the '/'-separated prefix of a blob
    /// name, so they vanish with the last blob under them and there is nothing left behind to remove.
    /// </summary>
    public Task PruneAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>
    /// Pages through the container's blobs under a prefix of whole segments ('media/a' never lists
    /// 'media/ab/…'), in name order. Blobs whose names are not storage keys (put there by something else) are skipped.
    /// </summary>
    public async IAsyncEnumerable<StorageKey> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var namePrefix = prefix.Length == 0 ? null : StorageKey.Parse(prefix.TrimEnd('/')).Value + "/";
        var pages = _container.GetBlobsAsync(new GetBlobsOptions { Prefix = namePrefix }, cancellationToken).AsPages(pageSizeHint: ListPageSize);
        await using var page = pages.GetAsyncEnumerator(cancellationToken);
        while (await GuardAsync(async () => await page.MoveNextAsync()))
        {
            foreach (var blob in page.Current.Values)
            {
                if (StorageKey.TryParse(blob.Name, out var key, out _))
                {
                    yield return key;
                }
            }
        }
    }

    private Task<T> GuardAsync<T>(Func<Task<T>> call) => AzureBlobFailures.GuardAsync(_container.Uri, call);

    private Task GuardAsync(Func<Task> call) => AzureBlobFailures.GuardAsync(_container.Uri, call);
}
