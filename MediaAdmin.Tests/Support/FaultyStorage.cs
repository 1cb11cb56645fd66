using MediaAdmin.Core.Storage;

namespace MediaAdmin.Tests.Support;

/// <summary>Real storage (local disk or blob) whose deletes fail on cue: the k-th delete, or every delete while <see cref="Down"/>.</summary>
public sealed class FaultyStorage(IMediaStorage inner) : IMediaStorage
{
    private int _deletes;

    /// <summary>1-based number of the delete call that fails; 0 for none.</summary>
    public int FailDeleteNumber { get; set; }

    public bool Down { get; set; }

    /// <summary>Deletes never return, as in a process frozen or killed mid-way.</summary>
    public bool Hang { get; set; }

    public int DeleteCalls => _deletes;

    public Task WriteAsync(StorageKey key, Stream content, CancellationToken cancellationToken = default) => inner.WriteAsync(key, content, cancellationToken);

    public Task<Stream?> OpenReadAsync(StorageKey key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(key, cancellationToken);

    public Task<bool> ExistsAsync(StorageKey key, CancellationToken cancellationToken = default) => inner.ExistsAsync(key, cancellationToken);

    public Task DeleteAsync(StorageKey key, CancellationToken cancellationToken = default)
    {
        var number = Interlocked.Increment(ref _deletes);
        if (Hang)
        {
            return new TaskCompletionSource().Task;
        }

        if (Down || number == FailDeleteNumber)
        {
            throw new IOException($"simulated storage failure on delete #{number} ({key})");
        }

        return inner.DeleteAsync(key, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<StorageKey, Exception>> DeleteManyAsync(IReadOnlyCollection<StorageKey> keys, CancellationToken cancellationToken = default)
    {
        var failures = new Dictionary<StorageKey, Exception>();
        foreach (var key in keys)
        {
            try
            {
                await DeleteAsync(key, cancellationToken);
            }
            catch (IOException ex)
            {
                failures[key] = ex;
            }
        }

        return failures;
    }

    public Task PruneAsync(CancellationToken cancellationToken = default) => inner.PruneAsync(cancellationToken);

    public IAsyncEnumerable<StorageKey> ListAsync(string prefix = "", CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
}
