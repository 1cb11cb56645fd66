namespace MediaAdmin.Core.Deletion;

/// <summary>Wakes this process's removal worker when a deletion commits, so files start going at once rather than at the next poll.</summary>
public sealed class FileRemovalSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Asks the worker for a round now; kicks before it wakes make one round, which takes every due removal.</summary>
    public void Kick()
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

    /// <summary>Waits for a kick or until <paramref name="timeout"/> passes.</summary>
    internal Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}
