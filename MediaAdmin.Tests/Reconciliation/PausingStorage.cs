using System.Runtime.CompilerServices;
using MediaAdmin.Core.Reconciliation;
using MediaAdmin.Core.Storage;

namespace MediaAdmin.Tests.Reconciliation;

/// <summary>
/// Real local-disk storage whose full listing stops after <see cref="PauseAfter"/> keys: until the host stops (a run cut
/// off mid-way), or, with <paramref name="fail"/>, with an I/O error (storage going away mid-run).
/// </summary>
internal sealed class PausingStorage(LocalDiskMediaStorage inner, int pauseAfter, bool fail = false) : IMediaStorage, IStoredFileAges
{
    private readonly IStoredFileAges _ages = new LocalDiskFileAges(inner);

    public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int PauseAfter => pauseAfter;

    public Task WriteAsync(StorageKey key, Stream content, CancellationToken cancellationToken = default) => inner.WriteAsync(key, content, cancellationToken);

    public Task<Stream?> OpenReadAsync(StorageKey key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(key, cancellationToken);

    public Task<bool> ExistsAsync(StorageKey key, CancellationToken cancellationToken = default) => inner.ExistsAsync(key, cancellationToken);

    public Task DeleteAsync(StorageKey key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

    public Task<IReadOnlyDictionary<StorageKey, Exception>> DeleteManyAsync(IReadOnlyCollection<StorageKey> keys, CancellationToken cancellationToken = default) =>
        inner.DeleteManyAsync(keys, cancellationToken);

    public Task PruneAsync(CancellationToken cancellationToken = default) => inner.PruneAsync(cancellationToken);

    public async IAsyncEnumerable<StorageKey> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var listed = 0;
        await foreach (var key in inner.ListAsync(prefix, cancellationToken))
        {
            if (prefix.Length == 0 && listed++ == pauseAfter)
            {
                Paused.TrySetResult();
                if (fail)
                {
                    throw new IOException("simulated storage failure while listing");
                }

                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            yield return key;
        }
    }

    public Task<DateTimeOffset?> LastModifiedAsync(StorageKey key, CancellationToken cancellationToken = default) => _ages.LastModifiedAsync(key, cancellationToken);
}
