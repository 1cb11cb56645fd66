using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion.Remote;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Deletion;

/// <summary>
/// DeleteVideo as Alibaba Cloud VOD defines it: physically deletes up to 20 assets with their
/// mezzanine, streams and snapshots, reporting each ID as deleted, forbidden or non-existent.
/// The asset rows, one pending removal per asset prefix, the CDN reminder and the audit record commit in one
/// transaction whose cost does not grow with the files; the answer follows the commit, and
/// <see cref="PendingFileDeletionWorker"/>, woken at once, removes the files (and their rows) in the background.
/// With the AlibabaVod source, <see cref="RemoteVideoDeletion"/> deletes through Alibaba instead.
/// </summary>
public sealed class VideoDeletionService(
    IDbContextFactory<MediaDbContext> dbFactory,
    SqliteWriteGate writeGate,
    PermissionService permissions,
    FileRemovalSignal removalSignal,
    DeletionNotifier notifier,
    DeletionAuditWriter audit,
    Events.VodEventOutbox events,
    IOptions<LibrarySourceOptions> source,
    RemoteVideoDeletion remote,
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
            await audit.WriteFailureAsync(caller, requestId, videoIds, parseError, [], null, cancellationToken);
            return DeleteVideosResult.Failed(requestId, parseError);
        }

        try
        {
            return source.Value.IsAlibabaVod
                ? await remote.DeleteAsync(caller, requestId, videoIds!, parsed.Ids, cancellationToken)
                : await DeleteParsedAsync(caller, requestId, videoIds!, parsed.Ids, cancellationToken);
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "DeleteVideo {RequestId} failed before its commit; nothing was changed", requestId);
            await audit.WriteFailureAsync(caller, requestId, videoIds, DeletionError.DeleteVideoFailed, [], null, cancellationToken);
            return DeleteVideosResult.Failed(requestId, DeletionError.DeleteVideoFailed);
        }
    }

    /// <summary>A request ID in Alibaba's format: an upper-case GUID with dashes.</summary>
    public static string NewRequestId() => Guid.NewGuid().ToString("D").ToUpperInvariant();

    private async Task<DeleteVideosResult> DeleteParsedAsync(
        DeletionCaller caller, string requestId, string requestedIds, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // One connection for the whole request instead of one per query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var who = await permissions.GetAsync(db, caller.UserId, cancellationToken);

        // IDs not in our format cannot exist; they are never sent to the database.
        var lookup = ids.Where(VideoId.IsWellFormed).ToList();
        var found = await db.MediaAssets.AsNoTracking()
            .Where(a => lookup.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.TotalSizeBytes, a.OwnerId, OwnerName = a.Owner!.DisplayName ?? a.Owner.UserName })
            .ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, cancellationToken);

        var forbidden = new List<ForbiddenVideo>();
        var nonExistent = new List<string>();
        var candidates = new List<DeletionCandidate>();
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
                candidates.Add(new DeletionCandidate(id, asset.Title, asset.TotalSizeBytes));
            }
        }

        if (found.Count == 0)
        {
            await audit.WriteFailureAsync(caller, requestId, requestedIds, DeletionError.InvalidVideoNotFound, nonExistent, who.UserName, cancellationToken);
            return DeleteVideosResult.Failed(requestId, DeletionError.InvalidVideoNotFound, nonExistent);
        }

        var plan = new DeletionPlan(caller, requestId, requestedIds, who, candidates, forbidden, nonExistent);
        var strategy = db.Database.CreateExecutionStrategy();
        Committed committed;

        // Set for this connection before the turn at the write gate, so the turn holds SQLite's one write lock only for the transaction.
        var leavesFileRows = await db.LeaveFileRowsOfDeletedAssetsAsync(cancellationToken);
        try
        {
            using (await writeGate.EnterAsync(db, cancellationToken))
            {
                committed = await strategy.ExecuteAsync(
                    plan,
                    async (_, state, ct) =>
                    {
                        db.ChangeTracker.Clear();
                        return await CommitInTransactionAsync(db, state, ct);
                    },
                    verifySucceeded: null,
                    cancellationToken);
            }
        }
        finally
        {
            if (leavesFileRows)
            {
                await db.EnforceForeignKeysAsync();
            }
        }

        // The commit is the point of no return; from here the worker removes the files, starting now.
        if (committed.Deleted.Count > 0)
        {
            removalSignal.Kick();
            notifier.PublishCommitted(new AssetsDeleted(requestId, who.UserName, committed.Deleted.Select(d => d.VideoId).ToList()), logger);
        }

        return committed.Error is { } error
            ? DeleteVideosResult.Failed(requestId, error, committed.NonExistent)
            : new DeleteVideosResult(requestId, null, committed.Deleted, forbidden, committed.NonExistent);
    }

    private async Task<Committed> CommitInTransactionAsync(MediaDbContext db, DeletionPlan plan, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var candidateIds = plan.Candidates.Select(c => c.VideoId).ToList();
        var summaries = await AssetFileSummaries.ReadAsync(db, candidateIds, cancellationToken);

        // The IDs this statement removed; an asset a concurrent request removed first is not among them.
        var removed = (await db.DeleteAssetsReturningIdsAsync(candidateIds, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var lostRace = candidateIds.Where(id => !removed.Contains(id)).ToList();

        var deleted = plan.Candidates
            .Where(c => removed.Contains(c.VideoId))
            .Select(c =>
            {
                var files = summaries.GetValueOrDefault(c.VideoId, AssetFileSummary.None);
                return new DeletedVideo(c.VideoId, c.Title, files.FileCount, c.TotalBytes, files.CdnUrls);
            })
            .ToList();

        db.PendingFileDeletions.AddRange(deleted.Select(d => new PendingFileDeletion
        {
            AssetId = d.VideoId,
            StoragePrefix = PendingFileDeletion.PrefixOf(d.VideoId),
            RequestId = plan.RequestId,
            CreatedAtUtc = now,
            TotalFiles = d.FileCount,
            NextAttemptAtUtc = now,
        }));

        var nonExistent = plan.NonExistent.Concat(lostRace).ToList();

        // Every asset found was deleted by a concurrent request meanwhile: to this caller none exists.
        var error = deleted.Count == 0 && plan.Forbidden.Count == 0 ? DeletionError.InvalidVideoNotFound : null;
        var record = DeletionAuditWriter.AddTo(db, plan, error, now);
        CdnReminderWriter.AddTo(db, plan, deleted, now);
        events.AddDeleteMediaComplete(db, deleted.Select(d => d.VideoId));

        await db.SaveChangesAsync(cancellationToken);
        await DeletionAuditWriter.WriteOutcomesAsync(db, record, deleted, plan.Forbidden, nonExistent, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Committed(deleted, nonExistent, error);
    }

    private sealed record Committed(IReadOnlyList<DeletedVideo> Deleted, IReadOnlyList<string> NonExistent, DeletionError? Error);
}
