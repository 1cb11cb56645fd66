using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Ingest;

/// <summary>The lease of a running job: renewed with its progress while the attempt runs, which also notices a deleted asset.</summary>
internal sealed partial class IngestJobStore
{
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Until cancelled, renews the lease with the progress about once a second (the throttle on progress writes),
    /// and cancels <paramref name="assetGone"/> once the asset is deleted, in this process or any other.
    /// </summary>
    public async Task KeepLeasedAsync(ClaimedJob job, JobProgress progress, CancellationTokenSource assetGone, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(HeartbeatInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    if (!await HeartbeatAsync(job, progress.Value, cancellationToken))
                    {
                        await assetGone.CancelAsync();
                    }
                }
                catch (Exception ex) when (DatabaseFailure.Is(ex) && !cancellationToken.IsCancellationRequested)
                {
                    // A busy or briefly unreachable database: the next beat tries again, well within the lease.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The attempt ended.
        }
    }

    /// <summary>Renews the lease and records progress; false when the asset is gone (deleted while the job ran).</summary>
    private async Task<bool> HeartbeatAsync(ClaimedJob job, double progress, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        await db.IngestJobs.Where(j => j.Id == job.Id && j.State == IngestJobState.Running).ExecuteUpdateAsync(
            set => set.SetProperty(j => j.LeasedUntilUtc, now + options.Value.JobLease)
                .SetProperty(j => j.Progress, progress)
                .SetProperty(j => j.UpdatedAtUtc, now),
            cancellationToken);
        return await db.MediaAssets.AnyAsync(a => a.Id == job.AssetId, cancellationToken);
    }
}
