using MediaAdmin.Core.Data;
using MediaAdmin.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Deletion;

/// <summary>
/// Carries out <see cref="PendingFileDeletion"/> records: empties each deleted asset's storage prefix, counting
/// the files as they go, then removes the asset's file rows and completes the record. A file that a live asset
/// uses is never removed; a storage failure keeps the record for a retry after a back-off. Records are taken
/// under a lease, so instances share the work and a removal cut off by a crash is taken over once it expires.
/// </summary>
public sealed class PendingFileRemover(
    IDbContextFactory<MediaDbContext> dbFactory,
    IMediaStorage storage,
    IOptions<DeletionOptions> options,
    TimeProvider clock,
    ILogger<PendingFileRemover> logger)
{
    /// <summary>Carries out every record that is due, one asset at a time; returns how many assets' prefixes were emptied.</summary>
    public async Task<int> RemoveDueAsync(CancellationToken cancellationToken = default)
    {
        var emptied = 0;
        while (await TakeNextDueAsync(cancellationToken) is { } record)
        {
            if (await RemoveAsync(record, cancellationToken))
            {
                emptied++;
            }
        }

        return emptied;
    }

    /// <summary>The oldest due record, leased to this worker; null when none is due.</summary>
    private async Task<PendingFileDeletion?> TakeNextDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.PendingFileDeletions.AsNoTracking()
                .Where(p => p.CompletedAtUtc == null && p.NextAttemptAtUtc <= now)
                .OrderBy(p => p.NextAttemptAtUtc)
                .FirstOrDefaultAsync(cancellationToken);
            if (due is null)
            {
                return null;
            }

            // Whoever moves the due time first holds the lease; another worker that read the same record retries.
            var leasedUntil = now + options.Value.RemovalLease;
            var taken = await db.PendingFileDeletions
                .Where(p => p.Id == due.Id && p.NextAttemptAtUtc == due.NextAttemptAtUtc && p.CompletedAtUtc == null)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.NextAttemptAtUtc, leasedUntil), cancellationToken);
            if (taken == 1)
            {
                return due;
            }
        }
    }

    /// <summary>Empties one asset's prefix; true when it is empty and the record complete, false when a failure postponed it.</summary>
    private async Task<bool> RemoveAsync(PendingFileDeletion record, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ofRecord = db.PendingFileDeletions.Where(p => p.Id == record.Id);
        if (record.StoragePrefix != PendingFileDeletion.PrefixOf(record.AssetId) || await db.MediaAssets.AnyAsync(a => a.Id == record.AssetId, cancellationToken))
        {
            // Ingestion refuses a prefix being removed, so this is a planted or corrupt record: drop it, touch nothing.
            logger.LogWarning("Kept the files below {StoragePrefix}: asset {AssetId} is live or the prefix is not its own; the pending removal is dropped", record.StoragePrefix, record.AssetId);
            await CompleteAsync(db, record, cancellationToken);
            return true;
        }

        string? failure;
        try
        {
            failure = await RemoveFilesBelowAsync(db, record, cancellationToken);
        }
        catch (StorageUnavailableException ex)
        {
            failure = ex.Message;
        }

        if (failure is not null)
        {
            await PostponeAsync(ofRecord, record.Attempts + 1, failure, cancellationToken);
            return false;
        }

        // The files are gone; their rows, left behind by the commit, go now (none on SQL Server, which cascaded them).
        var assetId = record.AssetId;
        await db.MediaFiles.Where(f => f.AssetId == assetId && !db.MediaAssets.Any(a => a.Id == assetId)).ExecuteDeleteAsync(cancellationToken);
        await CompleteAsync(db, record, cancellationToken);
        return true;
    }

    /// <summary>Removes every file below the record's prefix that no live asset uses, saving the count after each batch; returns why a file could not be removed.</summary>
    private async Task<string?> RemoveFilesBelowAsync(MediaDbContext db, PendingFileDeletion record, CancellationToken cancellationToken)
    {
        var prefix = record.StoragePrefix;
        var liveKeys = await LiveKeysBelowAsync(db, prefix, cancellationToken);

        // Listed whole before removing, so removals never disturb the listing.
        var keys = new List<StorageKey>();
        await foreach (var key in storage.ListAsync(prefix, cancellationToken))
        {
            if (key.Value.StartsWith(prefix, StringComparison.Ordinal) && !liveKeys.Contains(key.Value))
            {
                keys.Add(key);
            }
        }

        string? failure = null;
        foreach (var batch in keys.Chunk(options.Value.WorkerBatchSize))
        {
            var failures = await storage.DeleteManyAsync(batch, cancellationToken);
            foreach (var (key, error) in failures)
            {
                logger.LogWarning(error, "Could not remove {StorageKey}; it will be retried", key);
                failure ??= error.Message;
            }

            var removed = batch.Length - failures.Count;
            if (removed > 0)
            {
                await db.PendingFileDeletions.Where(p => p.Id == record.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(p => p.RemovedFiles, p => p.RemovedFiles + removed), cancellationToken);
            }
        }

        return failure;
    }

    /// <summary>Keys below <paramref name="prefix"/> that a live asset's rows name: never removed, whatever a record says.</summary>
    private async Task<HashSet<string>> LiveKeysBelowAsync(MediaDbContext db, string prefix, CancellationToken cancellationToken)
    {
        // The keys from "prefix" up to, not including, the prefix with its closing '/' raised to '0': exactly those below it.
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        var live = await db.MediaFiles.AsNoTracking()
            .Where(f => f.StorageKey.CompareTo(prefix) >= 0 && f.StorageKey.CompareTo(end) < 0 && db.MediaAssets.Any(a => a.Id == f.AssetId))
            .Select(f => f.StorageKey)
            .ToListAsync(cancellationToken);
        foreach (var key in live)
        {
            LogKeptLiveFile(key);
        }

        return live.ToHashSet(StringComparer.Ordinal);
    }

    private void LogKeptLiveFile(string key) => logger.LogWarning("Kept {StorageKey}: a live asset still uses it", key);

    /// <summary>Marks the record complete, and clears its request's records once all of them are.</summary>
    private async Task CompleteAsync(MediaDbContext db, PendingFileDeletion record, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.PendingFileDeletions.Where(p => p.Id == record.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.CompletedAtUtc, now).SetProperty(p => p.LastError, (string?)null), cancellationToken);

        var requestId = record.RequestId;
        await db.PendingFileDeletions
            .Where(p => p.RequestId == requestId && !db.PendingFileDeletions.Any(o => o.RequestId == requestId && o.CompletedAtUtc == null))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private async Task PostponeAsync(IQueryable<PendingFileDeletion> records, int attempts, string error, CancellationToken cancellationToken)
    {
        var next = clock.GetUtcNow().UtcDateTime + BackOff(attempts);
        var message = error.Length > 1024 ? error[..1024] : error;
        await records.ExecuteUpdateAsync(
            set => set.SetProperty(p => p.Attempts, attempts).SetProperty(p => p.NextAttemptAtUtc, next).SetProperty(p => p.LastError, message),
            cancellationToken);
    }

    internal TimeSpan BackOff(int attempts)
    {
        var settings = options.Value;
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(settings.RetryBaseDelay.Ticks * factor, settings.RetryMaxDelay.Ticks));
    }
}
