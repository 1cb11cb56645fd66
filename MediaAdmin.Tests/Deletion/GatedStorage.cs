using MediaAdmin.Core.Storage;

namespace MediaAdmin.Tests.Deletion;

/// <summary>
/// Real storage whose batch deletes hold back until <c>callersToWaitFor</c> of them are inside at once (or 30 s
/// passed), then let every call through: shows how many callers the worker runs at once without timing anything.
/// </summary>
internal sealed class GatedStorage(IMediaStorage inner, int callersToWaitFor) : IMediaStorage
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _count = new();
    private int _inside;

    public int MostCallersAtOnce { get; private set; }

    public async Task<IReadOnlyDictionary<StorageKey, Exception>> DeleteManyAsync(IReadOnlyCollection<StorageKey> keys, CancellationToken cancellationToken = default)
    {
        lock (_count)
        {
            MostCallersAtOnce = Math.Max(MostCallersAtOnce, ++_inside);
            if (_inside >= callersToWaitFor)
            {
                _open.TrySetResult();
            }
        }

        try
        {
            await Task.WhenAny(_open.Task, Task.Delay(GiveUpAfter, cancellationToken));
            return await inner.DeleteManyAsync(keys, cancellationToken);
        }
        finally
        {
            lock (_count)
            {
                _inside--;
            }
        }
    }

    public Task WriteAsync(StorageKey key, Stream content, CancellationToken cancellationToken = default) => inner.WriteAsync(key, content, cancellationToken);

    public Task<Stream?> OpenReadAsync(StorageKey key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(key, cancellationToken);

    public Task<bool> ExistsAsync(StorageKey key, CancellationToken cancellationToken = default) => inner.ExistsAsync(key, cancellationToken);

    public Task DeleteAsync(StorageKey key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

    public Task PruneAsync(CancellationToken cancellationToken = default) => inner.PruneAsync(cancellationToken);

    public IAsyncEnumerable<StorageKey> ListAsync(string prefix = "", CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
}
