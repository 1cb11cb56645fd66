using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Core.Audit;

/// <summary>
/// Writes the one audit record every DeleteVideo call leaves, with the outcome per ID: inside the
/// deletion's own transaction when it reaches its commit, on its own when the request failed before.
/// </summary>
public sealed class DeletionAuditWriter(IDbContextFactory<MediaDbContext> dbFactory, TimeProvider clock, ILogger<DeletionAuditWriter> logger)
{
    // The column's length (DeletionAuditConfiguration); Alibaba's RequestIds are 36 characters.
    private const int RemoteRequestIdMaxLength = 64;

    /// <summary>
    /// Adds the record of a request that reached its commit to <paramref name="db"/>; it is saved with the rest of the commit.
    /// <paramref name="remoteRequestId"/>: Alibaba's RequestId of the DeleteVideo call, for deletions through Alibaba.
    /// </summary>
    internal static DeletionAuditRecord AddTo(MediaDbContext db, DeletionPlan plan, DeletionError? error, DateTime now, string? remoteRequestId = null)
    {
        var record = NewRecord(plan.Caller, plan.RequestId, plan.RequestedIds, plan.Who.UserName, error?.Code, now);
        record.RemoteRequestId = ColumnText.Shorten(remoteRequestId, RemoteRequestIdMaxLength);
        db.DeletionAuditRecords.Add(record);
        return record;
    }

    /// <summary>
    /// Adds the record of deletions confirmed after their request ended (see <see cref="Deletion.Remote.LateRemoteDeletions"/>),
    /// under a request ID of its own; the entries, with the reason naming the original request, follow once it is saved.
    /// </summary>
    internal static DeletionAuditRecord AddConfirmedLaterTo(
        MediaDbContext db, DeletionCaller caller, string requestId, string originalRequestId, string userName, IReadOnlyList<string> videoIds, DateTime now)
    {
        var record = NewRecord(caller, requestId, string.Join(",", videoIds), userName, errorCode: null, now);
        record.OriginalRequestId = originalRequestId;
        db.DeletionAuditRecords.Add(record);
        return record;
    }

    /// <summary>Writes the outcome of every ID under <paramref name="record"/>, which must already be saved.</summary>
    internal static Task WriteOutcomesAsync(
        MediaDbContext db, DeletionAuditRecord record, IEnumerable<DeletedVideo> deleted, IEnumerable<ForbiddenVideo> forbidden, IEnumerable<string> nonExistent, CancellationToken cancellationToken)
    {
        var entries = deleted.Select(d => new DeletionAuditEntry { VideoId = d.VideoId, Outcome = DeletionOutcome.Deleted, Title = d.Title })
            .Concat(forbidden.Select(f => new DeletionAuditEntry { VideoId = f.VideoId, Outcome = DeletionOutcome.Forbidden, Title = f.Title, Reason = f.Reason }))
            .Concat(nonExistent.Select(NonExistentEntry));
        return db.InsertAuditEntriesAsync(record.Id, entries, cancellationToken);
    }

    /// <summary>
    /// Records a request stopped by <paramref name="error"/> before any change. A database too broken to
    /// take the record is logged instead: the caller already has its answer.
    /// </summary>
    internal async Task WriteFailureAsync(
        DeletionCaller caller, string requestId, string? requestedIds, DeletionError error, IReadOnlyList<string> nonExistent,
        string? userName, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            userName ??= await db.Users.Where(u => u.Id == caller.UserId).Select(u => u.UserName).SingleOrDefaultAsync(cancellationToken) ?? caller.UserId;
            var record = NewRecord(caller, requestId, requestedIds ?? string.Empty, userName, error.Code, clock.GetUtcNow().UtcDateTime);
            record.Entries.AddRange(nonExistent.Select(NonExistentEntry));
            db.DeletionAuditRecords.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex))
        {
            logger.LogError(ex, "Could not audit failed DeleteVideo {RequestId} by {UserId} ({Code}) for {VideoIds}", requestId, caller.UserId, error.Code, requestedIds);
        }
    }

    private static DeletionAuditRecord NewRecord(DeletionCaller caller, string requestId, string requestedIds, string userName, string? errorCode, DateTime now) => new()
    {
        RequestId = requestId,
        UserId = caller.UserId,
        UserName = userName,
        Channel = caller.Channel,
        AccessKeyId = caller.AccessKeyId,
        RemoteAddress = ColumnText.Shorten(caller.RemoteAddress, 64),
        RequestedIds = ColumnText.Shorten(requestedIds, DeletionAuditRecord.RequestedIdsMaxLength),
        ErrorCode = errorCode,
        CreatedAtUtc = now,
    };

    private static DeletionAuditEntry NonExistentEntry(string videoId) =>
        new() { VideoId = ColumnText.Shorten(videoId, DeletionAuditEntry.VideoIdMaxLength), Outcome = DeletionOutcome.NonExistent };
}
