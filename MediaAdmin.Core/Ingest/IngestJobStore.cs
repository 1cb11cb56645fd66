using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Ingest;

/// <summary>
/// The queue's reads and writes. Every change of a job is one conditional UPDATE, so two workers (in one
/// process or several) never take the same job, and a row or asset that vanished shows as "nothing updated".
/// </summary>
internal sealed partial class IngestJobStore(IDbContextFactory<MediaDbContext> dbFactory, IOptions<IngestOptions> options, Events.VodEventOutbox events, TimeProvider clock)
{
    /// <summary>Takes the oldest job that is queued and due, or running on a lease that ran out; null when there is none.</summary>
    public async Task<ClaimedJob?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        while (true)
        {
            var now = Now();
            var candidate = await Due(db, now).OrderBy(j => j.Id).Select(j => new { j.Id, j.AssetId, j.Attempts }).FirstOrDefaultAsync(cancellationToken);
            if (candidate is null)
            {
                return null;
            }

            var leasedUntil = now + options.Value.JobLease;
            var taken = await Due(db, now).Where(j => j.Id == candidate.Id && j.Attempts == candidate.Attempts).ExecuteUpdateAsync(
                set => set.SetProperty(j => j.State, IngestJobState.Running)
                    .SetProperty(j => j.LeasedUntilUtc, leasedUntil)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.UpdatedAtUtc, now),
                cancellationToken);
            if (taken == 1)
            {
                return new ClaimedJob(candidate.Id, candidate.AssetId, candidate.Attempts + 1);
            }
        }
    }

    /// <summary>Sets the asset's status unless the asset is gone; false when it is.</summary>
    public async Task<bool> SetAssetStatusAsync(string assetId, MediaStatus status, string? reason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await SetAssetStatusAsync(db, assetId, status, reason, 0, cancellationToken);
    }

    public async Task<bool> AssetExistsAsync(string assetId)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        return await db.MediaAssets.AnyAsync(a => a.Id == assetId, CancellationToken.None);
    }

    public async Task<IReadOnlyList<MediaFile>> FilesOfAsync(string assetId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MediaFiles.AsNoTracking().Where(f => f.AssetId == assetId).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Adds the outputs' rows and marks asset and job done, in one transaction that first re-checks the asset:
    /// false, with nothing written, when the asset was deleted meanwhile.
    /// </summary>
    public async Task<bool> CommitOutputsAsync(ClaimedJob job, IReadOnlyList<MediaFile> outputs, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // The update comes first: it takes the write lock, so a deletion lands wholly before or wholly after.
            if (!await SetAssetStatusAsync(db, job.AssetId, MediaStatus.Normal, null, outputs.Sum(f => f.SizeBytes), ct))
            {
                return false;
            }

            db.MediaFiles.AddRange(outputs);
            await events.AddIngestFinishedAsync(db, job.AssetId, outputs, ct);
            await db.SaveChangesAsync(ct);
            await SummarizeFilesAsync(db, job.AssetId, ct);
            await EndAsync(db, job, IngestJobState.Succeeded, null, null, ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>Ends the attempt: a final state, or back to Queued (due at <paramref name="dueAtUtc"/>) for another attempt.</summary>
    public async Task EndAsync(ClaimedJob job, IngestJobState state, string? error, DateTime? dueAtUtc)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await EndAsync(db, job, state, error, dueAtUtc, CancellationToken.None);
    }

    /// <summary>
    /// Hands a job a shutdown interrupted back to the queue without counting the attempt (a clean stop is not a
    /// failure, so restarts never use up <see cref="IngestOptions.MaxAttempts"/>), and its asset back to waiting.
    /// </summary>
    public async Task ReleaseAfterShutdownAsync(ClaimedJob job)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var now = Now();
        await db.IngestJobs.Where(j => j.Id == job.Id && j.State == IngestJobState.Running).ExecuteUpdateAsync(
            set => set.SetProperty(j => j.State, IngestJobState.Queued)
                .SetProperty(j => j.LeasedUntilUtc, (DateTime?)null)
                .SetProperty(j => j.Attempts, j => j.Attempts > 0 ? j.Attempts - 1 : 0)
                .SetProperty(j => j.Progress, 0)
                .SetProperty(j => j.Error, "Stopped by a shutdown; runs again at the next start.")
                .SetProperty(j => j.UpdatedAtUtc, now),
            CancellationToken.None);
        await SetAssetStatusAsync(db, job.AssetId, MediaStatus.UploadSucc, null, 0, CancellationToken.None);
    }

    private Task<int> EndAsync(MediaDbContext db, ClaimedJob job, IngestJobState state, string? error, DateTime? dueAtUtc, CancellationToken cancellationToken)
    {
        var now = Now();
        DateTime? finished = state == IngestJobState.Queued ? null : now;
        var progress = state == IngestJobState.Succeeded ? 1 : 0;
        var text = error is { Length: > IngestJob.ErrorMaxLength } ? error[..IngestJob.ErrorMaxLength] : error;
        return db.IngestJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(
            set => set.SetProperty(j => j.State, state)
                .SetProperty(j => j.LeasedUntilUtc, dueAtUtc)
                .SetProperty(j => j.Progress, progress)
                .SetProperty(j => j.Error, text)
                .SetProperty(j => j.UpdatedAtUtc, now)
                .SetProperty(j => j.FinishedAtUtc, finished),
            cancellationToken);
    }

    private async Task<bool> SetAssetStatusAsync(MediaDbContext db, string assetId, MediaStatus status, string? reason, long addedBytes, CancellationToken cancellationToken)
    {
        var now = Now();
        var text = reason is { Length: > IngestJob.ErrorMaxLength } ? reason[..IngestJob.ErrorMaxLength] : reason;
        var updated = await db.MediaAssets.Where(a => a.Id == assetId).ExecuteUpdateAsync(
            set => set.SetProperty(a => a.Status, status)
                .SetProperty(a => a.StatusReason, text)
                .SetProperty(a => a.TotalSizeBytes, a => a.SourceSizeBytes + addedBytes)
                .SetProperty(a => a.UpdatedAtUtc, now),
            cancellationToken);
        return updated == 1;
    }

    /// <summary>Keeps the asset's file summary (see <see cref="MediaAsset.FileCount"/>) equal to its rows, inside the commit that changed them.</summary>
    private static async Task SummarizeFilesAsync(MediaDbContext db, string assetId, CancellationToken cancellationToken)
    {
        var urls = await db.MediaFiles.Where(f => f.AssetId == assetId).Select(f => f.CdnUrl).ToListAsync(cancellationToken);
        var stored = CdnReminderUrls.Stored(urls);
        await db.MediaAssets.Where(a => a.Id == assetId).ExecuteUpdateAsync(
            set => set.SetProperty(a => a.FileCount, urls.Count).SetProperty(a => a.CdnReminderUrls, stored),
            cancellationToken);
    }

    private static IQueryable<IngestJob> Due(MediaDbContext db, DateTime now) =>
        db.IngestJobs.Where(j =>
            (j.State == IngestJobState.Queued && (j.LeasedUntilUtc == null || j.LeasedUntilUtc <= now))
            || (j.State == IngestJobState.Running && j.LeasedUntilUtc < now));

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
