namespace MediaAdmin.Core.Sources.AlibabaVod.Sync;

/// <summary>Wakes this process's sync worker when "Sync now" was pressed here, instead of at its next poll.</summary>
public sealed class SourceSyncSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending; the worker looks for every due run when it wakes.
        }
    }

    /// <summary>Returns when woken or when <paramref name="timeout"/> passed.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}
