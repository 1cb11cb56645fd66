using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion.Remote;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Sources.AlibabaVod.Sync;

/// <summary>How a sync run ends: tidying what the run made safe to act on, its end state, or its release at shutdown.</summary>
public sealed partial class SourceSyncRunner
{
    /// <summary>
    /// Records the deletions through Alibaba the mirror has now seen go (their request could not tell), then forgets
    /// tombstones older than a day or a full-sync interval (every read and sync in flight then is done), and unconfirmed
    /// deletions that old which a full sync begun after them has outlived. A full sync that listed the whole remote already counts here, before <see cref="FinishAsync"/> marks it succeeded:
    /// otherwise a deletion sent just after the previous full sync began would be forgotten by the one sync that can
    /// confirm it. Its conclusions stand even if another instance took the run over meanwhile: the listing was whole.
    /// </summary>
    private async Task TidyAsync(SourceSyncRun run, string? error)
    {
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            DateTime? endingFullSyncStartedAtUtc = error is null && run.Kind == SourceSyncKind.Full ? run.StartedAtUtc : null;
            await lateDeletions.ConfirmAsync(now - lateDeletions.RequestGrace, endingFullSyncStartedAtUtc, CancellationToken.None);
            var keep = options.Value.FullSyncInterval > TimeSpan.FromDays(1) ? options.Value.FullSyncInterval : TimeSpan.FromDays(1);
            await mirror.PruneRemovalsAsync(now - keep, CancellationToken.None);
            await lateDeletions.PruneAsync(now - keep, endingFullSyncStartedAtUtc, CancellationToken.None);
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex))
        {
            // The run itself is done and must still end; the next run's tidying does what this one could not.
            LogTidyFailed(logger, run.Id, ex);
        }
    }

    private async Task FinishAsync(MediaDbContext db, SourceSyncRun run, string? error)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        run.State = error is null ? SourceSyncState.Succeeded : SourceSyncState.Failed;
        run.Error = error is null || error.Length <= SourceSyncRun.ErrorMaxLength ? error : error[..SourceSyncRun.ErrorMaxLength];
        run.FinishedAtUtc = now;
        run.UpdatedAtUtc = now;
        run.Unfinished = null;
        await db.SaveChangesAsync(CancellationToken.None);
        if (error is null)
        {
            LogSucceeded(logger, run.Id, run.Kind, run.Seen, run.Added, run.Updated, run.Removed);
        }
        else
        {
            LogFailed(logger, run.Id, run.Kind, error);
        }
    }

    /// <summary>At shutdown: the run stays unfinished with its position, and the next worker to look takes it at once.</summary>
    private async Task ReleaseAsync(long runId)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.SourceSyncRuns.Where(r => r.Id == runId && r.Unfinished == true)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdatedAtUtc, SourceSyncTiming.Released), CancellationToken.None);
    }
}
