namespace MediaAdmin.Core;

/// <summary>
/// Wakes one background worker of this process when there is work now, instead of at its next poll. Wake-ups that
/// come before the worker wakes make one round, which takes every due item.
/// </summary>
public abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Returns when woken or when <paramref name="timeout"/> passed.</summary>
    internal Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    protected void Signal()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A round is already asked for.
        }
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _wake.Dispose();
        }
    }
}
