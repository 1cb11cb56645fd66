using System.Collections.Concurrent;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Deletion;

/// <summary>
/// Removes the files behind <see cref="PendingFileDeletion"/> records and clears the records. A file
/// that a live asset still uses is never removed; a storage failure leaves the record for a retry.
/// </summary>
public sealed class PendingFileRemover(
    IDbContextFactory<MediaDbContext> dbFactory,
    IMediaStorage storage,
    IOptions<DeletionOptions> options,
    TimeProvider clock,
    ILogger<PendingFileRemover> logger)
{
    private readonly ConcurrentQueue<string> _settledRequests = new();

    /// <summary>Removes the files of records whose next attempt is due; returns how many records were settled.</summary>
    public async Task<int> RemoveDueAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.PendingFileDeletions.AsNoTracking()
            .Where(p => p.NextAttemptAtUtc <= now)
            .OrderBy(p => p.NextAttemptAtUtc)
            .Take(options.Value.WorkerBatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var failures = await RemoveFilesAsync(db, due.Select(p => p.StorageKey).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        var settled = due.Where(p => !failures.ContainsKey(p.StorageKey)).Select(p => p.Id).ToList();
        foreach (var chunk in settled.Chunk(500))
        {
            await db.PendingFileDeletions.Where(p => chunk.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        foreach (var record in due.Where(p => failures.ContainsKey(p.StorageKey)))
        {
            await PostponeAsync(db, db.PendingFileDeletions.Where(p => p.Id == record.Id), record.Attempts + 1, failures[record.StorageKey], cancellationToken);
        }

        return settled.Count;
    }

    /// <summary>
    /// Clears the records of requests whose files are all gone. Done by the worker rather than the
    /// request, so the caller does not wait for bookkeeping; if the process stops first, the worker
    /// finds the records due after the grace period and repeats the (idempotent) removals.
    /// </summary>
    public async Task<int> ClearSettledRequestsAsync(CancellationToken cancellationToken = default)
    {
        var requestIds = new List<string>();
        while (_settledRequests.TryDequeue(out var requestId))
        {
            requestIds.Add(requestId);
        }

        if (requestIds.Count == 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cleared = 0;
        foreach (var chunk in requestIds.Chunk(100))
        {
            cleared += await db.PendingFileDeletions.Where(p => chunk.Contains(p.RequestId)).ExecuteDeleteAsync(cancellationToken);
        }

        return cleared;
    }

    /// <summary>Removes the files a request has just committed the deletion of; its records are cleared by the worker.</summary>
    internal async Task RemoveForRequestAsync(string requestId, IReadOnlyList<string> storageKeys, CancellationToken cancellationToken)
    {
        // No live-use check here: the commit just removed every row holding these keys (they are unique),
        // and ingestion refuses keys that still have pending deletions. The worker, acting later, checks.
        var failures = await RemoveFilesAsync(null, storageKeys, cancellationToken);
        if (failures.Count == 0)
        {
            _settledRequests.Enqueue(requestId);
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ofRequest = db.PendingFileDeletions.Where(p => p.RequestId == requestId);
        var failedKeys = failures.Keys.ToList();
        await ofRequest.Where(p => !failedKeys.Contains(p.StorageKey)).ExecuteDeleteAsync(cancellationToken);
        foreach (var (key, error) in failures)
        {
            await PostponeAsync(db, ofRequest.Where(p => p.StorageKey == key), 1, error, cancellationToken);
        }
    }

    /// <summary>
    /// Removes the files of the given keys; given a database to check, only those no live asset uses.
    /// Returns the keys that failed, with why.
    /// </summary>
    private async Task<Dictionary<string, string>> RemoveFilesAsync(MediaDbContext? liveCheck, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        // Re-checked right before removal: a key some live asset uses is kept, whatever the record says.
        var live = liveCheck is { } db
            ? (await db.MediaFiles.AsNoTracking()
                    .Where(f => keys.Contains(f.StorageKey))
                    .Select(f => f.StorageKey)
                    .ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal)
            : [];

        var removable = new List<StorageKey>(keys.Count);
        foreach (var key in keys)
        {
            if (live.Contains(key))
            {
                logger.LogWarning("Kept {StorageKey}: a live asset still uses it; its pending deletion is dropped", key);
            }
            else if (StorageKey.TryParse(key, out var storageKey, out var problem))
            {
                removable.Add(storageKey);
            }
            else
            {
                logger.LogError("A pending deletion names an invalid storage key and is dropped: {Problem}", problem);
            }
        }

        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var (key, error) in await storage.DeleteManyAsync(removable, cancellationToken))
            {
                logger.LogWarning(error, "Could not remove {StorageKey}; it will be retried", key);
                failures[key.Value] = error.Message;
            }
        }
        catch (StorageUnavailableException ex)
        {
            logger.LogWarning(ex, "Storage is unavailable; {Count} file removals will be retried", removable.Count);
            foreach (var key in removable)
            {
                failures[key.Value] = ex.Message;
            }
        }

        return failures;
    }

    private async Task PostponeAsync(MediaDbContext db, IQueryable<PendingFileDeletion> records, int attempts, string error, CancellationToken cancellationToken)
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
