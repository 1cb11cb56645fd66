using System.Globalization;
using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion.Remote;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Sources.AlibabaVod.Sync;

/// <summary>
/// Carries out a sync run held by this instance: SearchMedia page by page with ScrollToken (videos, then audio), at
/// most <c>AlibabaVod:SyncRequestsPerSecond</c> calls a second, each page written to the mirror and the run's
/// position and counts saved after it, so a stopped run continues from its last page. Only a page is ever in memory.
/// A full sync ends by removing what the remote no longer lists; a failed one leaves the mirror as it was.
/// </summary>
public sealed partial class SourceSyncRunner(
    IDbContextFactory<MediaDbContext> dbFactory,
    VodClient vod,
    RemoteMirror mirror,
    LateRemoteDeletions lateDeletions,
    SyncRateLimiter limiter,
    IOptions<AlibabaVodSourceOptions> options,
    TimeProvider clock,
    ILogger<SourceSyncRunner> logger)
{
    private const string FullSortBy = "CreationTime:Asc";
    private const string IncrementalSortBy = "ModificationTime:Asc";

    /// <summary>Runs <paramref name="runId"/> to its end; cancelled, it gives the run back unfinished for the next start.</summary>
    public async Task<SourceSyncRun> RunAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var run = await db.SourceSyncRuns.SingleAsync(r => r.Id == runId, CancellationToken.None);
        try
        {
            var error = await TraverseAsync(db, run, cancellationToken);
            if (error is null && run.Kind == SourceSyncKind.Full)
            {
                error = TraversalCheck.ListedTooFew(run.Seen, run.RemoteTotal);
            }

            if (error is null && run.Kind == SourceSyncKind.Full)
            {
                run.Removed += (await mirror.RemoveUnlistedAsync(run.Id, run.StartedAtUtc, cancellationToken: cancellationToken)).Removed;
            }

            await TidyAsync(run, error);

            await FinishAsync(db, run, error);
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

        return run;
    }

    /// <summary>
    /// Pages through the remote; answers the error that stopped it, or null when every page was read. The next page is
    /// asked for while this one is written, so writing does not slow the pace the limiter allows; two pages at most are held.
    /// </summary>
    private async Task<string?> TraverseAsync(MediaDbContext db, SourceSyncRun run, CancellationToken cancellationToken)
    {
        var account = options.Value.Account();
        if (SyncCursor.Parse(run.ScrollToken) is not { } cursor)
        {
            return null;
        }

        var resumedFromStoredToken = !cursor.IsFirstPageOfType;
        var fetching = FetchAsync(account, run, cursor, cancellationToken);
        while (true)
        {
            var (reply, askedAtUtc) = await fetching;
            if (!reply.IsSuccess)
            {
                if (resumedFromStoredToken && !reply.Error.IsRetryable)
                {
                    // Alibaba keeps a ScrollToken for a limited time; a run resumed later starts its traversal over.
                    LogTokenRefused(logger, run.Id, reply.Error.ToString());
                    (cursor, resumedFromStoredToken, run.Seen, run.RemoteTotal) = (SyncCursor.Start, false, 0, null);
                    fetching = FetchAsync(account, run, cursor, cancellationToken);
                    continue;
                }

                return reply.Error.ForPeople();
            }

            resumedFromStoredToken = false;
            var page = reply.Value;
            var next = cursor.After(page);
            if (next is { } ahead)
            {
                fetching = FetchAsync(account, run, ahead, cancellationToken);
            }

            if (cursor.IsFirstPageOfType && TraversalCheck.TooLarge(cursor.SearchType, page) is { } tooLarge)
            {
                return tooLarge;
            }

            var audioTotal = cursor is { SearchType: SyncCursor.Video, IsFirstPageOfType: true } ? await AudioTotalAsync(account, run, cancellationToken) : 0;

            // A page that arrived is written even when shutdown begins meanwhile, so only the page in flight is asked for again.
            if (await WritePageAsync(run, cursor, page, audioTotal, askedAtUtc) is { } writeError)
            {
                return writeError;
            }

            run.ScrollToken = next?.Stored() ?? SyncCursor.Finished;
            await SaveProgressAsync(db, run, CancellationToken.None);
            if (next is null)
            {
                return null;
            }

            cursor = next.Value;
        }
    }

    /// <summary>A page and when it was asked for, which the mirror weighs against removals made while it was on its way.</summary>
    private async Task<(VodReply<VodSearchPage> Reply, DateTime AskedAtUtc)> FetchAsync(VodAccount account, SourceSyncRun run, SyncCursor cursor, CancellationToken cancellationToken)
    {
        await limiter.WaitAsync(cancellationToken);
        var askedAtUtc = clock.GetUtcNow().UtcDateTime;
        return (await vod.SearchMediaAsync(account, Request(run, cursor), cancellationToken), askedAtUtc);
    }

    /// <summary>
    /// Upserts the page and counts it into the run; <paramref name="audioTotal"/> joins the total on the first video page.
    /// Answers why the page could not be written, or null: a page the database refuses would be refused again at every resume.
    /// </summary>
    private async Task<string?> WritePageAsync(SourceSyncRun run, SyncCursor cursor, VodSearchPage page, long audioTotal, DateTime askedAtUtc)
    {
        MirrorChange change;
        try
        {
            change = await mirror.UpsertAsync(page.Videos, run.Kind == SourceSyncKind.Full ? run.Id : null, askedAtUtc, CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
        {
            LogPageRefused(logger, run.Id, cursor.SearchType, cursor.PageNo, ex);
            return string.Create(CultureInfo.InvariantCulture,
                $"Page {cursor.PageNo} of SearchType {cursor.SearchType} ({page.Videos.Count} items from {(page.Videos.Count > 0 ? page.Videos[0].VideoId : "none")}) could not be written to the mirror: {(ex.InnerException ?? ex).Message}");
        }

        if (cursor.IsFirstPageOfType)
        {
            // Never lowered: a video listing that ended early must not shrink the total the traversal is checked against.
            run.RemoteTotal = Math.Max(run.RemoteTotal ?? 0, run.Seen + page.Total + audioTotal);
        }

        run.Seen += page.Videos.Count;
        run.Added += change.Added;
        run.Updated += change.Updated;
        return null;
    }

    /// <summary>How many audio items the traversal will list after the videos, so the progress bar spans both; 0 when unknown.</summary>
    private async Task<long> AudioTotalAsync(VodAccount account, SourceSyncRun run, CancellationToken cancellationToken)
    {
        await limiter.WaitAsync(cancellationToken);
        var reply = await vod.SearchMediaAsync(account, Request(run, new SyncCursor(SyncCursor.Audio, null)) with { PageSize = 1 }, cancellationToken);
        return reply.IsSuccess ? reply.Value.Total : 0;
    }

    private static VodSearchRequest Request(SourceSyncRun run, SyncCursor cursor) => run.Kind == SourceSyncKind.Incremental
        ? new VodSearchRequest(cursor.SearchType, ModifiedSince(run.ModifiedSinceUtc ?? DateTime.UnixEpoch), cursor.ScrollToken, SortBy: IncrementalSortBy) { PageNo = cursor.PageNo }
        : new VodSearchRequest(cursor.SearchType, null, cursor.ScrollToken, SortBy: FullSortBy) { PageNo = cursor.PageNo };

    /// <summary>Alibaba's range query on the modification time, open above.</summary>
    internal static string ModifiedSince(DateTime sinceUtc) =>
        $"ModificationTime = ('{sinceUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}','')";

    /// <summary>Saves the position and counts; fails with a concurrency error when another instance took the run over.</summary>
    private async Task SaveProgressAsync(MediaDbContext db, SourceSyncRun run, CancellationToken cancellationToken)
    {
        run.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}
