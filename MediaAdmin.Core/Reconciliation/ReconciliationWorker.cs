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
                    await runner.RunAsync(run.Id, progress: null, stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation could not look for runs to carry out; it looks again at the next poll")]
    private static partial void LogClaimFailed(ILogger logger, Exception error);
}
