using MediaAdmin.Core.Data;
using MediaAdmin.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Reconciliation;

/// <summary>
/// Carries out a run page by page, saving its progress and findings with each page, so a run whose process stopped
/// is taken over where it stood once its lease runs out (at once after an orderly stop).
/// </summary>
internal sealed partial class ReconciliationRunner(
    IDbContextFactory<MediaDbContext> dbFactory,
    IMediaStorage storage,
    IOptions<ReconciliationOptions> options,
    TimeProvider clock,
    ILogger<ReconciliationRunner> logger)
{
    /// <summary>Takes an unfinished run whose lease ran out; null when there is none (or another process took it first).</summary>
    public async Task<ReconciliationRun?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var run = await db.ReconciliationRuns.FirstOrDefaultAsync(r => r.Unfinished == true && r.LeasedUntilUtc <= now, cancellationToken);
        if (run is null)
        {
            return null;
        }

        run.LeasedUntilUtc = now + options.Value.RunLease;
        run.UpdatedAtUtc = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return run;
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    /// <summary>Runs a claimed run to its end, reporting after each page.</summary>
    public async Task<ReconciliationSummary> RunAsync(long runId, IProgress<ReconciliationSummary>? progress, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.ReconciliationRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        try
        {
            await WalkAsync(db, run, progress, cancellationToken);
            if (run.Fix)
            {
                await MarkAssetsAsync(db, run.Id, cancellationToken);
            }

            await EndAsync(db, run, ReconciliationState.Completed, null, CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(runId);
            throw;
        }
        catch (DbUpdateConcurrencyException)
        {
            LogTakenOver(logger, runId);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, runId);
            db.ChangeTracker.Clear();
            var failed = await db.ReconciliationRuns.SingleAsync(r => r.Id == runId, CancellationToken.None);
            await EndAsync(db, failed, ReconciliationState.Failed, ex.Message, CancellationToken.None);
            run = failed;
        }

        var summary = ReconciliationSummary.From(run);
        progress?.Report(summary);
        return summary;
    }

    private async Task WalkAsync(MediaDbContext db, ReconciliationRun run, IProgress<ReconciliationSummary>? progress, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.PageSize;
        if (run.Phase == ReconciliationPhase.Storage)
        {
            var walk = new StorageWalk(storage, StoredFileAges.For(storage), clock, options.Value.OrphanGracePeriod);
            await walk.WalkAsync(run, pageSize, async (findings, scanned, lastKey) =>
            {
                db.ReconciliationFindings.AddRange(findings);
                run.KeysScanned += scanned;
                run.LastKey = lastKey;
                run.OrphansFound += findings.Count;
                run.Fixed += findings.Count(f => f.Outcome == FindingOutcome.Removed);
                await SaveProgressAsync(db, run, progress, cancellationToken);
            }, db, cancellationToken);
            run.Phase = ReconciliationPhase.Library;
            await SaveProgressAsync(db, run, progress, cancellationToken);
        }

        var library = new LibraryWalk(storage);
        while (run.Phase == ReconciliationPhase.Library)
        {
            var page = await library.NextPageAsync(db, run, pageSize, cancellationToken);
            if (page.FilesChecked == 0)
            {
                run.Phase = ReconciliationPhase.Done;
                break;
            }

            db.ReconciliationFindings.AddRange(page.Findings);
            run.FilesChecked += page.FilesChecked;
            run.LastFileId = page.LastFileId;
            run.MissingFound += page.Findings.Count;
            run.Fixed += page.Findings.Count(f => f.Outcome == FindingOutcome.AssetMarked);
            await SaveProgressAsync(db, run, progress, cancellationToken);
        }
    }

    /// <summary>
    /// Sets each asset's count of missing files from this run's findings, and clears the mark of assets an earlier
    /// run marked whose files are all there now. Set-based, so it costs two statements however large the library.
    /// </summary>
    private static async Task MarkAssetsAsync(MediaDbContext db, long runId, CancellationToken cancellationToken)
    {
        var missing = db.ReconciliationFindings.Where(f => f.RunId == runId && f.Kind == FindingKind.Missing);
        await db.MediaAssets
            .Where(a => missing.Any(f => f.AssetId == a.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.MissingFiles, a => missing.Count(f => f.AssetId == a.Id)), cancellationToken);
        await db.MediaAssets
            .Where(a => a.MissingFiles > 0 && !missing.Any(f => f.AssetId == a.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.MissingFiles, 0), cancellationToken);
    }

    /// <summary>Findings and progress commit together, and renew the lease; a run another process took over fails the save.</summary>
    private async Task SaveProgressAsync(MediaDbContext db, ReconciliationRun run, IProgress<ReconciliationSummary>? progress, CancellationToken cancellationToken)
    {
        var now = Now();
        run.UpdatedAtUtc = now;
        run.LeasedUntilUtc = now + options.Value.RunLease;
        await db.SaveChangesAsync(cancellationToken);
        progress?.Report(ReconciliationSummary.From(run));
    }

    private async Task EndAsync(MediaDbContext db, ReconciliationRun run, ReconciliationState state, string? error, CancellationToken cancellationToken)
    {
        var now = Now();
        run.State = state;
        run.Phase = ReconciliationPhase.Done;
        run.Unfinished = null;
        run.Error = error is { Length: > ReconciliationRun.ErrorMaxLength } ? error[..ReconciliationRun.ErrorMaxLength] : error;
        run.UpdatedAtUtc = now;
        run.FinishedAtUtc = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>After an orderly stop the lease is given back, so the next start carries on at once.</summary>
    private async Task ReleaseAsync(long runId)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var now = Now();
        await db.ReconciliationRuns.Where(r => r.Id == runId && r.Unfinished == true)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeasedUntilUtc, now), CancellationToken.None);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation run {RunId} was taken over by another process; this one stops")]
    private static partial void LogTakenOver(ILogger logger, long runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciliation run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, Exception error, long runId);
}
