using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Deletion.Remote;

/// <summary>
/// Records the deletions through Alibaba whose outcome was unknown when their request ended. A
/// <see cref="PendingRemoteDeletion"/> whose video then went from the library (the mirror removed it after the row was
/// written: a callback, a sync, a later delete finding it gone; or a full sync begun after it no longer lists a video
/// never mirrored) is taken as that request's deletion: nothing tells more, since Alibaba keeps no record of who deleted
/// what. Its CDN reminder (the URLs captured before the call: nothing can tell them now) and its audit record are written
/// then, under a request ID of their own whose reason names the original request. Only the newest row of a video counts.
/// The sync worker calls this after every run.
/// </summary>
public sealed class LateRemoteDeletions(
    IDbContextFactory<MediaDbContext> dbFactory, IOptions<VodResilienceOptions> resilience, TimeProvider clock, ILogger<LateRemoteDeletions> logger)
{
    private const int BatchSize = 200;

    private static readonly TimeSpan MinimumRequestGrace = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A request still running is never taken for one whose outcome went unrecorded: its rows are left alone this long
    /// after sending. That is 10 minutes, or, with slower <c>AlibabaVod:Resilience</c> settings, twice the longest
    /// DeleteVideo and its re-check can take with every retry and back-off (the back-off doubles, with jitter).
    /// </summary>
    public TimeSpan RequestGrace
    {
        get
        {
            var settings = resilience.Value;
            var longestCall = settings.AttemptTimeout * (settings.MaxRetries + 1) + settings.RetryDelay * (1 << (settings.MaxRetries + 1));
            var longestRequest = 2 * longestCall;
            return 2 * longestRequest > MinimumRequestGrace ? 2 * longestRequest : MinimumRequestGrace;
        }
    }

    /// <summary>Confirms the rows sent before <paramref name="sentBeforeUtc"/> whose video has gone from the library since; answers how many.</summary>
    /// <param name="sentBeforeUtc">Rows sent later may belong to a request still running, and are left alone.</param>
    /// <param name="endingFullSyncStartedAtUtc">
    /// When the full sync now ending began, if it listed the whole remote: it counts as a succeeded full sync, although
    /// it is marked so only after its tidying.
    /// </param>
    /// <param name="cancellationToken">Stops between statements.</param>
    public async Task<int> ConfirmAsync(DateTime sentBeforeUtc, DateTime? endingFullSyncStartedAtUtc = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var confirmed = 0;
        long afterId = 0;
        while (true)
        {
            var batch = await db.PendingRemoteDeletions.AsNoTracking()
                .Where(p => p.Id > afterId && p.SentAtUtc < sentBeforeUtc)
                .Where(p => !db.PendingRemoteDeletions.Any(newer => newer.VideoId == p.VideoId && newer.Id > p.Id))
                .Where(p => db.RemovedRemoteAssets.Any(r => r.AssetId == p.VideoId && r.RemovedAtUtc >= p.SentAtUtc)
                    || (!db.MediaAssets.Any(a => a.Id == p.VideoId)
                        && (endingFullSyncStartedAtUtc > p.SentAtUtc
                            || db.SourceSyncRuns.Any(run => run.Kind == SourceSyncKind.Full && run.State == SourceSyncState.Succeeded && run.StartedAtUtc > p.SentAtUtc))))
                .OrderBy(p => p.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return confirmed;
            }

            foreach (var request in batch.GroupBy(p => p.RequestId, StringComparer.Ordinal))
            {
                confirmed += await ConfirmRequestAsync(db, [.. request], cancellationToken);
            }

            afterId = batch[^1].Id;
        }
    }

    /// <summary>
    /// Forgets the rows sent before <paramref name="sentBeforeUtc"/> that a full sync begun after them has outlived
    /// (<paramref name="endingFullSyncStartedAtUtc"/> as in <see cref="ConfirmAsync"/>): a video still listed then was
    /// not deleted by them. Only such a sync can decide a video the library never showed, so a row is never forgotten
    /// before one has run, however old it is: when the next full sync fails, or full syncs run only on demand.
    /// </summary>
    public async Task<int> PruneAsync(DateTime sentBeforeUtc, DateTime? endingFullSyncStartedAtUtc = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PendingRemoteDeletions
            .Where(p => p.SentAtUtc < sentBeforeUtc)
            .Where(p => endingFullSyncStartedAtUtc > p.SentAtUtc
                || db.SourceSyncRuns.Any(run => run.Kind == SourceSyncKind.Full && run.State == SourceSyncState.Succeeded && run.StartedAtUtc > p.SentAtUtc))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<int> ConfirmRequestAsync(MediaDbContext db, IReadOnlyList<PendingRemoteDeletion> rows, CancellationToken cancellationToken)
    {
        var first = rows[0];
        var requestId = VideoDeletionService.NewRequestId();
        var taken = new List<PendingRemoteDeletion>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            taken.Clear();
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // Another instance's sweep, or the request's own late record, may have taken a row since it was read. Older
            // rows of the same video go with it: their requests were not the last to send its deletion.
            foreach (var row in rows)
            {
                if (await db.PendingRemoteDeletions.Where(p => p.Id == row.Id).ExecuteDeleteAsync(ct) == 1)
                {
                    taken.Add(row);
                    await db.PendingRemoteDeletions.Where(p => p.VideoId == row.VideoId && p.Id < row.Id).ExecuteDeleteAsync(ct);
                }
            }

            if (taken.Count == 0)
            {
                return;
            }

            var deleted = taken.Select(Deleted).ToList();
            var caller = new DeletionCaller(first.UserId, first.Channel, first.AccessKeyId, first.RemoteAddress);
            var record = DeletionAuditWriter.AddConfirmedLaterTo(db, caller, requestId, first.RequestId, first.UserName, [.. taken.Select(p => p.VideoId)], now);
            CdnReminderWriter.AddTo(db, requestId, first.UserId, first.UserName, deleted, now);
            await db.SaveChangesAsync(ct);
            await db.InsertAuditEntriesAsync(record.Id, taken.Select(p => new DeletionAuditEntry
            {
                VideoId = p.VideoId,
                Outcome = DeletionOutcome.Deleted,
                Title = p.Title,
                Reason = ReasonFor(p.RequestId),
            }), ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);

        if (taken.Count > 0)
        {
            logger.LogWarning("ApsaraVideo VOD no longer has {VideoIds}, sent for deletion by {UserName} in DeleteVideo {OriginalRequestId} whose outcome was unknown; recorded as {RequestId} with a CDN reminder",
                string.Join(",", taken.Select(p => p.VideoId)), first.UserName, first.RequestId, requestId);
        }

        return taken.Count;
    }

    private static DeletedVideo Deleted(PendingRemoteDeletion row)
    {
        var urls = row.CdnUrls.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new DeletedVideo(row.VideoId, row.Title, urls.Length, row.SizeBytes, urls);
    }

    /// <summary>At most 256 characters, the column's length.</summary>
    private static string ReasonFor(string originalRequestId) =>
        $"Gone from ApsaraVideo VOD after request {originalRequestId} sent DeleteVideo, whose outcome was unknown when it ended; recorded as that request's deletion.";
}
