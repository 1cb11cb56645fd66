using MediaAdmin.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Support;

/// <summary>
/// Real storage (local disk or blob) whose deletes fail on cue (the k-th delete, or every delete while
/// <see cref="Down"/>), whose listings fail while <see cref="ListingDown"/>, and whose k-th write fails before it
/// reaches the store.
/// </summary>
public sealed class FaultyStorage(IMediaStorage inner) : IMediaStorage
{
    private int _deletes;
    private int _writes;

    /// <summary>1-based number of the delete call that fails; 0 for none.</summary>
    public int FailDeleteNumber { get; set; }

    public bool Down { get; set; }

    /// <summary>Listings fail as a store that cannot be reached does, before a single key.</summary>
    public bool ListingDown { get; set; }

    /// <summary>Deletes never return, as in a process frozen or killed mid-way.</summary>
    public bool Hang { get; set; }

    /// <summary>While set, deletes wait for it to complete, so a test sees a removal under way.</summary>
    public TaskCompletionSource? HoldDeletes { get; set; }

    /// <summary>1-based number of the write call that fails; 0 for none.</summary>
    public int FailWriteNumber { get; set; }

    public int DeleteCalls => _deletes;

    /// <summary>
    /// Wraps whichever store the settings chose, so the faults hit a folder and a blob container alike. A blob
    /// container must exist already: the start-up step that creates it does not see through the wrapper.
    /// </summary>
    public static void Wrap(IServiceCollection services, Action<FaultyStorage> arrange)
    {
        var real = services.Last(d => d.ServiceType == typeof(IMediaStorage));
        services.Remove(real);
        services.AddSingleton<IMediaStorage>(sp =>
        {
            var storage = new FaultyStorage((IMediaStorage)real.ImplementationFactory!(sp));
            arrange(storage);
            return storage;
        });
    }

    public Task WriteAsync(StorageKey key, Stream content, CancellationToken cancellationToken = default)
    {
        var number = Interlocked.Increment(ref _writes);
        return number == FailWriteNumber
            ? throw new IOException($"simulated storage failure on write #{number} ({key})")
            : inner.WriteAsync(key, content, cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(StorageKey key, CancellationToken cancellationToken = default) => inner.OpenReadAsync(key, cancellationToken);

    public Task<bool> ExistsAsync(StorageKey key, CancellationToken cancellationToken = default) => inner.ExistsAsync(key, cancellationToken);

    public async Task DeleteAsync(StorageKey key, CancellationToken cancellationToken = default)
    {
        if (HoldDeletes is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        await DeleteNowAsync(key, cancellationToken);
    }

    private Task DeleteNowAsync(StorageKey key, CancellationToken cancellationToken)
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

    public IAsyncEnumerable<StorageKey> ListAsync(string prefix = "", CancellationToken cancellationToken = default) =>
        ListingDown ? throw new StorageUnavailableException($"simulated storage failure listing {prefix}") : inner.ListAsync(prefix, cancellationToken);
}
