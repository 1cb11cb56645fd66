using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Deletion;

/// <summary>
/// Carries out <see cref="PendingFileDeletion"/> records: empties each deleted asset's storage prefix, counting
/// the files as they go, then removes the asset's file rows and completes the record. The keys it lists are kept for
/// the CDN purge before any file goes, so a removal cut off part-way cannot shrink the purge. Up to
/// <see cref="DeletionOptions.RemovalConcurrency"/> assets are emptied at once, so one's database work overlaps
/// the others' file removals. A file that a live asset uses is never removed; a storage failure keeps the record
/// for a retry after a back-off, and the other assets go on. Records are taken under a lease, so instances share
/// the work and a removal cut off by a crash is taken over once it expires.
/// </summary>
public sealed class PendingFileRemover(
    IDbContextFactory<MediaDbContext> dbFactory,
    SqliteWriteGate writeGate,
    IMediaStorage storage,
    CdnPurgeKeyCapture purgeKeys,
    IOptions<DeletionOptions> options,
    TimeProvider clock,
    ILogger<PendingFileRemover> logger)
{
    /// <summary>
    /// How often a removal under way saves its count: pages read it every
    /// <see cref="FileRemovalProgressService.FollowInterval"/>, so saving after each batch only cost commits.
    /// </summary>
    private static readonly TimeSpan ProgressSaveInterval = TimeSpan.FromSeconds(1);

    private readonly PendingRemovalRecords _records = new(dbFactory, writeGate, options, clock);

    /// <summary>Carries out every record that is due, several assets at once; returns how many assets' prefixes were emptied.</summary>
    public async Task<int> RemoveDueAsync(CancellationToken cancellationToken = default)
    {
        // Each lane on a pool thread of its own: the local disk's removals and SQLite's statements do not yield.
        var lanes = Enumerable.Range(0, options.Value.RemovalConcurrency).Select(_ => Task.Run(() => RemoveDueInLaneAsync(cancellationToken), cancellationToken));
        return (await Task.WhenAll(lanes)).Sum();
    }

    private async Task<int> RemoveDueInLaneAsync(CancellationToken cancellationToken)
    {
        var emptied = 0;
        while (await _records.TakeNextDueAsync(cancellationToken) is { } record)
        {
            try
            {
                if (await RemoveAsync(record, cancellationToken))
                {
                    emptied++;
                }
            }
            finally
            {
                _records.Release(record);
            }
        }

        return emptied;
    }

    /// <summary>Empties one asset's prefix; true when it is empty and the record complete, false when a failure postponed it.</summary>
    private async Task<bool> RemoveAsync(PendingFileDeletion record, CancellationToken cancellationToken)
    {
        if (record.StoragePrefix != PendingFileDeletion.PrefixOf(record.AssetId) || await _records.IsLiveAsync(record, cancellationToken))
        {
            // Ingestion refuses a prefix being removed, so this is a planted or corrupt record: drop it, touch nothing.
            logger.LogWarning("Kept the files below {StoragePrefix}: asset {AssetId} is live or the prefix is not its own; the pending removal is dropped", record.StoragePrefix, record.AssetId);
            await _records.CompleteAsync(record, 0, cancellationToken);
            return true;
        }

        var count = new RemovalCount(clock);
        string? failure;
        try
        {
            failure = await RemoveFilesBelowAsync(record, count, cancellationToken);
        }
        catch (StorageUnavailableException ex)
        {
            failure = ex.Message;
        }
        catch (Exception ex) when (DatabaseFailure.Is(ex) && !cancellationToken.IsCancellationRequested)
        {
            // Keeping the listing or the count failed part-way: retried after the same back-off as a storage failure,
            // and the reason shown, rather than the record held silently until its lease runs out.
            logger.LogWarning(ex, "The database failed while removing the files below {StoragePrefix}; it will be retried", record.StoragePrefix);
            failure = $"The database could not record the removal: {ex.GetBaseException().Message}";
        }

        if (failure is not null)
        {
            await _records.PostponeAsync(record, count.Unsaved, failure, cancellationToken);
            return false;
        }

        await _records.CompleteAsync(record, count.Unsaved, cancellationToken);
        return true;
    }

    /// <summary>Removes every file below the record's prefix that no live asset uses, counting them; returns why a file could not be removed.</summary>
    private async Task<string?> RemoveFilesBelowAsync(PendingFileDeletion record, RemovalCount count, CancellationToken cancellationToken)
    {
        var prefix = record.StoragePrefix;
        var liveKeys = await LiveKeysBelowAsync(prefix, cancellationToken);

        // Listed whole before removing, so removals never disturb the listing; files no row names go too.
        var keys = new List<StorageKey>();
        await foreach (var key in storage.ListAsync(prefix, cancellationToken))
        {
            if (key.Value.StartsWith(prefix, StringComparison.Ordinal) && !liveKeys.Contains(key.Value))
            {
                keys.Add(key);
            }
        }

        // In key order, close to the order they were written in: a listing comes in the file system's order (hash
        // order on ext4), which visits the files' inodes at random, while the floor removes them in the rows' order.
        keys.Sort((a, b) => string.CompareOrdinal(a.Value, b.Value));
        await purgeKeys.CaptureAsync(record.RequestId, record.AssetId, keys.ConvertAll(k => k.Value), cancellationToken);
        string? failure = null;
        foreach (var batch in keys.Chunk(options.Value.WorkerBatchSize))
        {
            var failures = await storage.DeleteManyAsync(batch, cancellationToken);
            foreach (var (key, error) in failures)
            {
                logger.LogWarning(error, "Could not remove {StorageKey}; it will be retried", key);
                failure ??= error.Message;
            }

            count.Add(batch.Length - failures.Count);
            if (count.IsDueForSave)
            {
                await _records.SaveProgressAsync(record, count.Unsaved, cancellationToken);
                count.Saved();
            }
        }

        return failure;
    }

    private async Task<HashSet<string>> LiveKeysBelowAsync(string prefix, CancellationToken cancellationToken)
    {
        var live = await _records.LiveKeysBelowAsync(prefix, cancellationToken);
        foreach (var key in live)
        {
            logger.LogWarning("Kept {StorageKey}: a live asset still uses it", key);
        }

        return live.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The files one removal has taken out and not yet saved, and whether it is time to save them.</summary>
    private sealed class RemovalCount(TimeProvider clock)
    {
        private long _savedAt = clock.GetTimestamp();

        public int Unsaved { get; private set; }

        public bool IsDueForSave => Unsaved > 0 && clock.GetElapsedTime(_savedAt) >= ProgressSaveInterval;

        public void Add(int removed) => Unsaved += removed;

        /// <summary>Called once a save landed: a count whose save failed stays unsaved, for the postponement to add.</summary>
        public void Saved()
        {
            Unsaved = 0;
            _savedAt = clock.GetTimestamp();
        }
    }
}
