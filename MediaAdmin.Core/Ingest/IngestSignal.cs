namespace MediaAdmin.Core.Ingest;

/// <summary>Wakes an idle worker of this process at once when a job is queued here, instead of at its next poll.</summary>
internal sealed class IngestSignal : IDisposable
{
    private readonly SemaphoreSlim _queued = new(0, int.MaxValue);

    public void JobQueued() => _queued.Release();

    /// <summary>Waits until a job is queued here or <paramref name="timeout"/> passes.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _queued.Dispose();
}
