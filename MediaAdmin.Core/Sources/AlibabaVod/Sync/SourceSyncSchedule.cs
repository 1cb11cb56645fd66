using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Sources.AlibabaVod.Sync;

/// <summary>
/// Decides which sync runs next, across every instance sharing the database: a run nobody holds (requested, given back
/// at shutdown, or left by an instance that died) first, then a full sync when one is due, then an incremental one.
/// The unique index on <see cref="SourceSyncRun.Unfinished"/> lets exactly one instance start a run.
/// </summary>
public sealed class SourceSyncSchedule(IDbContextFactory<MediaDbContext> dbFactory, IOptions<AlibabaVodSourceOptions> options, TimeProvider clock)
{
    /// <summary>Takes over the unfinished run nobody holds; null when there is none or another instance took it first.</summary>
    public async Task<long?> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var staleBefore = now - SourceSyncTiming.StaleAfter;
        var run = await db.SourceSyncRuns.FirstOrDefaultAsync(r => r.Unfinished == true && r.UpdatedAtUtc <= staleBefore, cancellationToken);
        if (run is null)
        {
            return null;
        }

        run.UpdatedAtUtc = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return run.Id;
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    /// <summary>Starts the sync that is due, held by the caller; null when none is due or another instance is syncing.</summary>
    public async Task<long?> StartDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.SourceSyncRuns.AnyAsync(r => r.Unfinished == true, cancellationToken))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var latest = await db.SourceSyncRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (latest is { State: SourceSyncState.Failed, FinishedAtUtc: { } failedAt } && failedAt > now - settings.IncrementalSyncInterval)
        {
            // A remote that just failed is given an incremental interval before it is asked again.
            return null;
        }

        var succeeded = db.SourceSyncRuns.AsNoTracking().Where(r => r.State == SourceSyncState.Succeeded);
        var lastFull = await succeeded.Where(r => r.Kind == SourceSyncKind.Full).MaxAsync(r => (DateTime?)r.StartedAtUtc, cancellationToken);
        var lastAny = await succeeded.MaxAsync(r => (DateTime?)r.StartedAtUtc, cancellationToken);
        var run = NewRun(now);
        if (lastFull is null || (settings.FullSyncInterval > TimeSpan.Zero && lastFull + settings.FullSyncInterval <= now))
        {
            run.Kind = SourceSyncKind.Full;
        }
        else if (lastAny + settings.IncrementalSyncInterval <= now)
        {
            run.Kind = SourceSyncKind.Incremental;
            run.ModifiedSinceUtc = lastAny - SourceSyncTiming.IncrementalOverlap;
        }
        else
        {
            return null;
        }

        return await InsertAsync(db, run, cancellationToken) ? run.Id : null;
    }

    /// <summary>A full sync for "Sync now", left for the first worker to take; null when a sync is already unfinished.</summary>
    internal async Task<SourceSyncRun?> RequestFullAsync(MediaDbContext db, string requestedBy, CancellationToken cancellationToken)
    {
        var run = NewRun(clock.GetUtcNow().UtcDateTime);
        run.Kind = SourceSyncKind.Full;
        run.RequestedBy = requestedBy.Length <= SourceSyncRun.RequestedByMaxLength ? requestedBy : requestedBy[..SourceSyncRun.RequestedByMaxLength];
        run.UpdatedAtUtc = SourceSyncTiming.Released;
        return await InsertAsync(db, run, cancellationToken) ? run : null;
    }

    private static SourceSyncRun NewRun(DateTime now) => new()
    {
        State = SourceSyncState.Running,
        StartedAtUtc = now,
        UpdatedAtUtc = now,
        Unfinished = true,
    };

    private static async Task<bool> InsertAsync(MediaDbContext db, SourceSyncRun run, CancellationToken cancellationToken)
    {
        db.SourceSyncRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance started a run between the check and this insert: the unique index refused this one.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
