using MediaAdmin.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Reconciliation;

/// <summary>
/// Carries out runs started in the console: at once when started here, and otherwise at each poll, which also
/// takes over a run whose process stopped (a restart, or another instance that died) from where it stood.
/// </summary>
internal sealed partial class ReconciliationWorker(
    ReconciliationRunner runner, ReconciliationSignal signal, IOptions<ReconciliationOptions> options, ILogger<ReconciliationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await ClaimAsync(stoppingToken) is { } run)
                {
                    await RunAsync(run.Id, stoppingToken);
                }
                else
                {
                    await signal.WaitAsync(options.Value.WorkerPollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the run in progress gave its lease back and carries on at the next start.
        }
    }

    private async Task<ReconciliationRun?> ClaimAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await runner.ClaimAsync(stoppingToken);
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex) && !stoppingToken.IsCancellationRequested)
        {
            LogClaimFailed(logger, ex);
            return null;
        }
    }

    /// <summary>When even recording a failure fails, the run stays leased; once its lease runs out it is taken over again.</summary>
    private async Task RunAsync(long runId, CancellationToken stoppingToken)
    {
        try
        {
            await runner.RunAsync(runId, progress: null, stoppingToken);
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex) && !stoppingToken.IsCancellationRequested)
        {
            LogOutcomeLost(logger, ex, runId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outcome of reconciliation run {RunId} could not be recorded; it is taken over again when its lease runs out")]
    private static partial void LogOutcomeLost(ILogger logger, Exception error, long runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation could not look for runs to carry out; it looks again at the next poll")]
    private static partial void LogClaimFailed(ILogger logger, Exception error);
}
