using MediaAdmin.Core.Data;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Core.Sources.AlibabaVod.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Sources.AlibabaVod.Status;

/// <summary>
/// The Source page's reads and its one action, for administrators only, and only while <c>Library:Source</c> is
/// AlibabaVod: the mirror's state and syncs, and "Sync now", which asks the sync worker for a full sync.
/// </summary>
public sealed class SourceStatusService(
    IDbContextFactory<MediaDbContext> dbFactory,
    PermissionService permissions,
    SourceSyncSchedule schedule,
    SourceSyncSignal signal,
    IOptions<LibrarySourceOptions> source,
    IOptions<AlibabaVodSourceOptions> vod)
{
    /// <summary>How many received callbacks the page lists.</summary>
    public const int RecentEventCount = 20;

    private static readonly Problem NotAllowed = Problem.Forbidden("Only administrators with the 'Manage accounts' permission may see and sync the library source.");

    private static readonly Problem NotRemote = Problem.NotFound(
        "This console's library is its own (Library:Source is Local); the Source page is for an ApsaraVideo VOD library (Library:Source=AlibabaVod).");

    /// <summary>The source's state; NotFound with the local library, Forbidden for non-administrators.</summary>
    public async Task<Result<SourceOverview>> GetOverviewAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (Refusal(await permissions.GetAsync(db, userId, cancellationToken)) is { } refused)
        {
            return refused;
        }

        var runs = db.SourceSyncRuns.AsNoTracking();
        var running = await runs.FirstOrDefaultAsync(r => r.Unfinished == true, cancellationToken);
        var lastFull = await LastFinishedAsync(runs, SourceSyncKind.Full, cancellationToken);
        var lastIncremental = await LastFinishedAsync(runs, SourceSyncKind.Incremental, cancellationToken);
        var events = await db.ReceivedVodEvents.AsNoTracking().OrderByDescending(e => e.Id).Take(RecentEventCount)
            .Select(e => new ReceivedEventLine(e.EventType, e.VideoId, e.EventTimeUtc, e.ReceivedAtUtc, e.Outcome))
            .ToListAsync(cancellationToken);
        var settings = vod.Value;
        return new SourceOverview(
            settings.Endpoint ?? "",
            settings.RegionId ?? "",
            running is null ? null : SyncRunSummary.From(running),
            lastFull is null ? null : SyncRunSummary.From(lastFull),
            lastIncremental is null ? null : SyncRunSummary.From(lastIncremental),
            await db.RemoteAssets.CountAsync(cancellationToken),
            events);
    }

    /// <summary>Asks for a full sync now; Conflict while a sync is running, which the new one would only wait for.</summary>
    public async Task<Result<SyncRunSummary>> SyncNowAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var who = await permissions.GetAsync(db, userId, cancellationToken);
        if (Refusal(who) is { } refused)
        {
            return refused;
        }

        if (await schedule.RequestFullAsync(db, who.UserName, cancellationToken) is not { } run)
        {
            var running = await db.SourceSyncRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Unfinished == true, cancellationToken);
            return Problem.Conflict(running is null
                ? "A sync started just now; wait for it to finish."
                : $"A {running.Kind.ToString().ToLowerInvariant()} sync started at {running.StartedAtUtc:u} is still running; one sync at a time.");
        }

        signal.Wake();
        return SyncRunSummary.From(run);
    }

    private Problem? Refusal(CallerPermissions who) =>
        !who.Has(PermissionNames.ManageAccounts) ? NotAllowed
        : source.Value.IsAlibabaVod ? null
        : NotRemote;

    private static Task<SourceSyncRun?> LastFinishedAsync(IQueryable<SourceSyncRun> runs, SourceSyncKind kind, CancellationToken cancellationToken) =>
        runs.Where(r => r.Kind == kind && r.Unfinished == null).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
}
