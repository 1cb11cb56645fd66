using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>
/// The one writer of the mirror: the syncs, the event callbacks and deletion through Alibaba all record what the
/// remote says here, as <see cref="MediaAsset"/> rows (so the library page, its search and the API read them as any
/// asset) with a <see cref="RemoteAsset"/> beside each. A write is one transaction, whatever its size.
/// </summary>
public sealed class RemoteMirror(IDbContextFactory<MediaDbContext> dbFactory, TimeProvider clock)
{
    private const int UpsertAttempts = 3;

    /// <summary>
    /// Adds or updates <paramref name="videos"/> (at most a page: they are read in one query), their categories too.
    /// <paramref name="seenInSyncRunId"/>: the full sync that listed them; null keeps what the last full sync recorded.
    /// <paramref name="readStartedAtUtc"/>: when the remote was asked for them; a video the mirror removed at or after
    /// that time is skipped, since the data predates its deletion.
    /// </summary>
    public async Task<MirrorChange> UpsertAsync(IReadOnlyList<VodRemoteVideo> videos, long? seenInSyncRunId, DateTime readStartedAtUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(videos);
        if (videos.Count == 0)
        {
            return MirrorChange.None;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await UpsertOnceAsync(videos, seenInSyncRunId, readStartedAtUtc, cancellationToken) is { } change)
                {
                    return change;
                }
            }
            catch (Exception ex) when (attempt < UpsertAttempts && KeyConflict.Is(ex))
            {
                // A sync page and a callback both inserted a category (or the owner) new to the mirror, and the other
                // committed first (SQL Server; SQLite runs the two one after the other). Read again: it is there now.
            }

            if (attempt >= UpsertAttempts)
            {
                throw new InvalidOperationException($"Another writer changed this page's videos during each of {UpsertAttempts} attempts to write it.");
            }
        }
    }

    /// <summary>One attempt; null when a removal of one of the videos committed meanwhile, and nothing was written.</summary>
    private async Task<MirrorChange?> UpsertOnceAsync(IReadOnlyList<VodRemoteVideo> videos, long? seenInSyncRunId, DateTime readStartedAtUtc, CancellationToken cancellationToken)
    {
        // Through the execution strategy: SQL Server's retries transient failures and refuses a transaction begun outside it.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (videos, seenInSyncRunId, readStartedAtUtc),
            async (_, state, ct) =>
            {
                db.ChangeTracker.Clear();
                return await UpsertInTransactionAsync(db, state.videos, state.seenInSyncRunId, state.readStartedAtUtc, ct);
            },
            verifySucceeded: null,
            cancellationToken);
    }

    private async Task<MirrorChange?> UpsertInTransactionAsync(
        MediaDbContext db, IReadOnlyList<VodRemoteVideo> videos, long? seenInSyncRunId, DateTime readStartedAtUtc, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = videos.GroupBy(v => v.VideoId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var ids = latest.Select(v => v.VideoId).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removedSince = await MirrorTombstones.RemovedSinceAsync(db, ids, readStartedAtUtc, cancellationToken);
        if (removedSince.Count > 0)
        {
            latest.RemoveAll(v => removedSince.Contains(v.VideoId));
            ids.RemoveAll(removedSince.Contains);
        }

        await MirrorRows.EnsureOwnerAsync(db, now, cancellationToken);
        await MirrorRows.UpsertCategoriesAsync(db, latest, cancellationToken);

        var assets = await db.MediaAssets.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, cancellationToken);
        var remotes = await db.RemoteAssets.Where(r => ids.Contains(r.AssetId)).ToDictionaryAsync(r => r.AssetId, StringComparer.Ordinal, cancellationToken);
        int added = 0, updated = 0;
        foreach (var video in latest)
        {
            if (assets.TryGetValue(video.VideoId, out var asset))
            {
                updated += MirrorRows.Apply(video, asset) ? 1 : 0;
            }
            else
            {
                // SQLite's trigger replaces the search key at insert; SQL Server keeps this one, unique like the ID.
                asset = new MediaAsset { Id = video.VideoId, Title = "", OwnerId = RemoteLibraryOwner.UserId, FileCount = 0, SearchKey = VideoId.SearchKeyOfAny(video.VideoId) };
                MirrorRows.Apply(video, asset);
                db.MediaAssets.Add(asset);
                added++;
            }

            if (!remotes.TryGetValue(video.VideoId, out var remote))
            {
                remote = new RemoteAsset { AssetId = video.VideoId };
                db.RemoteAssets.Add(remote);
            }

            remote.CoverUrl = ColumnText.Cut(video.CoverUrl, RemoteAsset.UrlMaxLength);
            remote.SnapshotUrls = video.SnapshotUrls.Count == 0 ? null : string.Join("\n", video.SnapshotUrls);
            remote.RemoteModifiedAtUtc = video.ModifiedAtUtc;
            remote.SeenInSyncRunId = seenInSyncRunId ?? remote.SeenInSyncRunId;
            remote.SyncedAtUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);

        // A removal that committed after the tombstones were read would be undone by this write. SQL Server's default
        // level lets one in (SQLite lets one writer in at a time); a removal committing after this second look waits
        // for the rows written here and removes them. So look again, and on a late removal write nothing and read again.
        if ((await MirrorTombstones.RemovedSinceAsync(db, ids, readStartedAtUtc, cancellationToken)).Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return new MirrorChange(added, updated, []);
    }

    /// <summary>Removes the mirrored videos <paramref name="videoIds"/> names (the remote says they are gone); answers those that were there.</summary>
    public async Task<MirrorChange> RemoveAsync(IReadOnlyCollection<string> videoIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(videoIds);
        if (videoIds.Count == 0)
        {
            return MirrorChange.None;
        }

        var ids = videoIds.Distinct(StringComparer.Ordinal).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // The tombstone comes first, so an upsert that reads before the delete lands already skips the video.
        await MirrorTombstones.RecordAsync(db, ids, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return new MirrorChange(0, 0, await db.DeleteAssetsReturningIdsAsync(ids, cancellationToken));
    }

    /// <summary>
    /// After full sync <paramref name="syncRunId"/> listed every remote video: removes, <paramref name="batchSize"/> at
    /// a time, the mirrored videos it did not list and nothing wrote since it started (a callback may add one meanwhile).
    /// </summary>
    public async Task<MirrorChange> RemoveUnlistedAsync(long syncRunId, DateTime syncStartedAtUtc, int batchSize = 500, CancellationToken cancellationToken = default)
    {
        var removed = new List<string>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        while (true)
        {
            var batch = await db.RemoteAssets.AsNoTracking()
                .Where(r => r.SeenInSyncRunId != syncRunId && r.SyncedAtUtc < syncStartedAtUtc)
                .OrderBy(r => r.AssetId)
                .Select(r => r.AssetId)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return new MirrorChange(0, 0, removed);
            }

            await MirrorTombstones.RecordAsync(db, batch, clock.GetUtcNow().UtcDateTime, cancellationToken);
            removed.AddRange(await db.DeleteAssetsReturningIdsAsync(batch, cancellationToken));
        }
    }

    /// <summary>Forgets the removals recorded before <paramref name="olderThanUtc"/>; no read in flight is that old.</summary>
    public async Task<int> PruneRemovalsAsync(DateTime olderThanUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.RemovedRemoteAssets.Where(r => r.RemovedAtUtc < olderThanUtc).ExecuteDeleteAsync(cancellationToken);
    }
}
