namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>Wakes the purge worker when there is work now (a delete, Refresh now, Retry) instead of at its next poll.</summary>
public sealed class CdnPurgeSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    internal void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake for the next round, which sees this work too.
        }
    }

    internal async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => await _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}
