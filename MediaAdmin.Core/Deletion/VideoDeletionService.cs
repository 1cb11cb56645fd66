using System.Data.Common;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Deletion;

/// <summary>
/// DeleteVideo as Alibaba Cloud VOD defines it: physically deletes up to 20 assets with their
/// mezzanine, streams and snapshots, reporting each ID as deleted, forbidden or non-existent.
/// Rows, pending file removals, CDN reminders and the audit record commit in one transaction;
/// files are removed after the commit and, should that fail, by <see cref="PendingFileDeletionWorker"/>.
/// </summary>
public sealed class VideoDeletionService(
    IDbContextFactory<MediaDbContext> dbFactory,
    PermissionService permissions,
    PendingFileRemover fileRemover,
    DeletionNotifier notifier,
    IOptions<DeletionOptions> options,
    TimeProvider clock,
    ILogger<VideoDeletionService> logger)
{
    /// <summary>Deletes the assets named in <paramref name="videoIds"/> (comma-separated) on behalf of <paramref name="caller"/>.</summary>
    public async Task<DeleteVideosResult> DeleteAsync(DeletionCaller caller, string? videoIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var requestId = NewRequestId();
        var parsed = VideoIdList.Parse(videoIds);
        if (parsed.Error is { } parseError)
        {
            await AuditFailureAsync(caller, requestId, videoIds, parseError, [], cancellationToken);
            return DeleteVideosResult.Failed(requestId, parseError);
        }

        try
        {
            return await DeleteParsedAsync(caller, requestId, videoIds!, parsed.Ids, cancellationToken);
        }
        catch (Exception ex) when (IsDatabaseFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "DeleteVideo {RequestId} failed before its commit; nothing was changed", requestId);
            await AuditFailureAsync(caller, requestId, videoIds, DeletionError.DeleteVideoFailed, [], cancellationToken);
            return DeleteVideosResult.Failed(requestId, DeletionError.DeleteVideoFailed);
        }
    }

    private async Task<DeleteVideosResult> DeleteParsedAsync(
        DeletionCaller caller, string requestId, string rawIds, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // One connection for the whole request instead of one per query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var who = await permissions.GetAsync(db, caller.UserId, cancellationToken);

        // IDs not in our format cannot exist; they are never sent to the database.
        var lookup = ids.Where(VideoId.IsWellFormed).ToList();
        var found = await db.MediaAssets.AsNoTracking()
            .Where(a => lookup.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.OwnerId, OwnerName = a.Owner!.DisplayName ?? a.Owner.UserName })
            .ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, cancellationToken);

        var forbidden = new List<ForbiddenVideo>();
        var nonExistent = new List<string>();
        var candidates = new List<(string Id, string Title)>();
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var asset))
            {
                nonExistent.Add(id);
            }
            else if (who.DeleteDeniedReason(asset.OwnerId, asset.OwnerName) is { } reason)
            {
                forbidden.Add(new ForbiddenVideo(id, asset.Title, reason));
            }
            else
            {
                candidates.Add((id, asset.Title));
            }
        }

        if (found.Count == 0)
        {
            await AuditFailureAsync(caller, requestId, rawIds, DeletionError.InvalidVideoNotFound, nonExistent, cancellationToken, who.UserName);
            return DeleteVideosResult.Failed(requestId, DeletionError.InvalidVideoNotFound, nonExistent);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var committed = await strategy.ExecuteAsync(
            (caller, requestId, rawIds, who, candidates, forbidden, nonExistent),
            async (_, state, ct) => await CommitAsync(db, state.caller, state.requestId, state.rawIds, state.who, state.candidates, state.forbidden, state.nonExistent, ct),
            verifySucceeded: null,
            cancellationToken);

        // The commit is the point of no return; from here the files go, now or through the worker.
        await RemoveFilesAfterCommitAsync(requestId, committed.StorageKeys);
        if (committed.Deleted.Count > 0)
        {
            Notify(new AssetsDeleted(requestId, who.UserName, committed.Deleted.Select(d => d.VideoId).ToList()));
        }

        return committed.Error is { } error
            ? DeleteVideosResult.Failed(requestId, error, committed.NonExistent)
            : new DeleteVideosResult(requestId, null, committed.Deleted, forbidden, committed.NonExistent);
    }

    private async Task<Committed> CommitAsync(
        MediaDbContext db,
        DeletionCaller caller,
        string requestId,
        string rawIds,
        CallerPermissions who,
        List<(string Id, string Title)> candidates,
        List<ForbiddenVideo> forbidden,
        List<string> nonExistentBefore,
        CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        var firstAttempt = now + options.Value.FreshRecordGrace;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var candidateIds = candidates.Select(c => c.Id).ToList();
        var files = await db.MediaFiles.AsNoTracking()
            .Where(f => candidateIds.Contains(f.AssetId))
            .Select(f => new { f.AssetId, f.StorageKey, f.CdnUrl, f.SizeBytes })
            .ToListAsync(cancellationToken);
        var filesByAsset = files.ToLookup(f => f.AssetId, StringComparer.Ordinal);

        // One record per file, written by the database from the assets' own rows before they cascade away.
        var idParameters = string.Join(", ", candidateIds.Select((_, i) => $"{{{i + 3}}}"));
#pragma warning disable EF1002 // Only {n} placeholders are spliced in; every value is a parameter.
        await db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "PendingFileDeletions" ("StorageKey", "AssetId", "RequestId", "CreatedAtUtc", "Attempts", "NextAttemptAtUtc")
            SELECT "StorageKey", "AssetId", {0}, {1}, 0, {2} FROM "MediaFiles" WHERE "AssetId" IN ({{idParameters}})
            """,
            [requestId, now, firstAttempt, .. candidateIds],
            cancellationToken);
#pragma warning restore EF1002

        // The IDs this statement removed; an asset a concurrent request removed first is not among them.
        var removed = (await db.DeleteAssetsReturningIdsAsync(candidateIds, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var lostRace = candidateIds.Where(id => !removed.Contains(id)).ToList();
        if (lostRace.Count > 0)
        {
            await db.PendingFileDeletions.Where(p => p.RequestId == requestId && lostRace.Contains(p.AssetId)).ExecuteDeleteAsync(cancellationToken);
        }

        var deleted = candidates
            .Where(c => removed.Contains(c.Id))
            .Select(c =>
            {
                var own = filesByAsset[c.Id].ToList();
                return new DeletedVideo(c.Id, c.Title, own.Count, own.Sum(f => f.SizeBytes), own.Select(f => f.CdnUrl).ToList());
            })
            .ToList();

        var nonExistent = nonExistentBefore.Concat(lostRace).ToList();

        // Every asset found was deleted by a concurrent request meanwhile: to this caller none exists.
        var error = deleted.Count == 0 && forbidden.Count == 0 ? DeletionError.InvalidVideoNotFound : null;
        var audit = NewAuditRecord(caller, requestId, rawIds, who.UserName, error?.Code, now);
        db.DeletionAuditRecords.Add(audit);

        var urls = deleted.SelectMany(d => d.CdnUrls).ToList();
        if (urls.Count > 0)
        {
            db.CdnInvalidations.Add(new CdnInvalidation
            {
                RequestId = requestId,
                DeletedByUserId = caller.UserId,
                DeletedByName = who.UserName,
                DeletedAtUtc = now,
                VideoIds = string.Join(",", deleted.Select(d => d.VideoId)),
                UrlList = string.Join("\n", urls),
                UrlCount = urls.Count,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await InsertAuditEntriesAsync(db, audit.Id, EntriesFor(deleted, forbidden, nonExistent), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var keys = deleted.SelectMany(d => filesByAsset[d.VideoId]).Select(f => f.StorageKey).ToList();
        return new Committed(deleted, nonExistent, keys, error);
    }

    private static IEnumerable<DeletionAuditEntry> EntriesFor(List<DeletedVideo> deleted, List<ForbiddenVideo> forbidden, IEnumerable<string> nonExistent) =>
        deleted.Select(d => new DeletionAuditEntry { VideoId = d.VideoId, Outcome = DeletionOutcome.Deleted, Title = d.Title })
            .Concat(forbidden.Select(f => new DeletionAuditEntry { VideoId = f.VideoId, Outcome = DeletionOutcome.Forbidden, Title = f.Title, Reason = f.Reason }))
            .Concat(nonExistent.Select(id => new DeletionAuditEntry { VideoId = Clip(id, DeletionAuditEntry.VideoIdMaxLength), Outcome = DeletionOutcome.NonExistent }));

    /// <summary>Up to 20 rows in one statement: SQLite has no insert batching in EF, and this is on every delete's path.</summary>
    private static async Task InsertAuditEntriesAsync(MediaDbContext db, long auditRecordId, IEnumerable<DeletionAuditEntry> entries, CancellationToken cancellationToken)
    {
        var values = new List<object>();
        var rows = new List<string>();
        string Placeholder(object? value)
        {
            if (value is null)
            {
                return "NULL";
            }

            values.Add(value);
            return $"{{{values.Count - 1}}}";
        }

        foreach (var entry in entries)
        {
            rows.Add($"({Placeholder(auditRecordId)}, {Placeholder(entry.VideoId)}, {Placeholder((int)entry.Outcome)}, {Placeholder(entry.Title)}, {Placeholder(entry.Reason)})");
        }

        if (rows.Count == 0)
        {
            return;
        }

#pragma warning disable EF1002 // Only {n} placeholders are spliced in; every value is a parameter.
        await db.Database.ExecuteSqlRawAsync(
            $"""INSERT INTO "DeletionAuditEntries" ("AuditRecordId", "VideoId", "Outcome", "Title", "Reason") VALUES {string.Join(", ", rows)}""",
            values,
            cancellationToken);
#pragma warning restore EF1002
    }

    private async Task RemoveFilesAfterCommitAsync(string requestId, IReadOnlyList<string> storageKeys)
    {
        if (storageKeys.Count == 0)
        {
            return;
        }

        try
        {
            // Not cancellable: once the rows are gone a caller hanging up must not strand files.
            await fileRemover.RemoveForRequestAsync(requestId, storageKeys, CancellationToken.None);
        }
#pragma warning disable CA1031 // The deletion is committed; any failure here is the worker's to finish.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Files of DeleteVideo {RequestId} were not all removed; the background worker will finish", requestId);
        }
    }

    private void Notify(AssetsDeleted deleted)
    {
        try
        {
            notifier.Publish(deleted);
        }
#pragma warning disable CA1031 // A page that failed to hear of it must not turn a done deletion into an error.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "A listener failed on the news of DeleteVideo {RequestId}", deleted.RequestId);
        }
    }

    private async Task AuditFailureAsync(
        DeletionCaller caller, string requestId, string? rawIds, DeletionError error, IReadOnlyList<string> nonExistent,
        CancellationToken cancellationToken, string? userName = null)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            userName ??= await db.Users.Where(u => u.Id == caller.UserId).Select(u => u.UserName).SingleOrDefaultAsync(cancellationToken) ?? caller.UserId;
            var record = NewAuditRecord(caller, requestId, rawIds ?? string.Empty, userName, error.Code, clock.GetUtcNow().UtcDateTime);
            record.Entries.AddRange(nonExistent.Select(id => new DeletionAuditEntry { VideoId = Clip(id, DeletionAuditEntry.VideoIdMaxLength), Outcome = DeletionOutcome.NonExistent }));
            db.DeletionAuditRecords.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (IsDatabaseFailure(ex))
        {
            // The database that failed the request may fail its audit too; the log keeps the trace.
            logger.LogError(ex, "Could not audit failed DeleteVideo {RequestId} by {UserId} ({Code}) for {VideoIds}", requestId, caller.UserId, error.Code, rawIds);
        }
    }

    private static DeletionAuditRecord NewAuditRecord(DeletionCaller caller, string requestId, string rawIds, string userName, string? errorCode, DateTime now) => new()
    {
        RequestId = requestId,
        UserId = caller.UserId,
        UserName = userName,
        Channel = caller.Channel,
        AccessKeyId = caller.AccessKeyId,
        RemoteAddress = caller.RemoteAddress is null ? null : Clip(caller.RemoteAddress, 64),
        RequestedIds = Clip(rawIds, DeletionAuditRecord.RequestedIdsMaxLength),
        ErrorCode = errorCode,
        CreatedAtUtc = now,
    };

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";

    private static bool IsDatabaseFailure(Exception ex) =>
        ex is DbException or DbUpdateException or TimeoutException
        || (ex is InvalidOperationException && ex.InnerException is DbException or TimeoutException)
        || ex is RetryLimitExceededException;

    /// <summary>A request ID in Alibaba's format: an upper-case GUID with dashes.</summary>
    public static string NewRequestId() => Guid.NewGuid().ToString("D").ToUpperInvariant();

    private sealed record Committed(IReadOnlyList<DeletedVideo> Deleted, IReadOnlyList<string> NonExistent, IReadOnlyList<string> StorageKeys, DeletionError? Error);
}
