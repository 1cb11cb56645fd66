using System.Threading.Channels;

namespace MediaAdmin.Core.Reconciliation;

/// <summary>Wakes this process's reconciliation worker at once when a run is started here, instead of at its next poll.</summary>
internal sealed class ReconciliationSignal
{
    // One pending wake-up is enough: the worker looks for every run that is due when it wakes.
    private readonly Channel<bool> _started = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void RunStarted() => _started.Writer.TryWrite(true);

    /// <summary>Returns when a run was started here or <paramref name="timeout"/> passed.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(timeout);
        try
        {
            await _started.Reader.ReadAsync(waiting.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed: time to look for runs another process left.
        }
    }
}
