namespace MediaAdmin.Core.Deletion;

/// <summary>Wakes this process's removal worker when a deletion commits, so files start going at once rather than at the next poll.</summary>
public sealed class FileRemovalSignal : WakeSignal
{
    /// <summary>Asks the worker for a round now; kicks before it wakes make one round, which takes every due removal.</summary>
    public void Kick() => Signal();
}
