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
    /// <summary>Removes the files of records whose next attempt is due; returns how many records were settled.</summary>
    public async Task<int> RemoveDueAsync(CancellationToken cancellationToken = default)
    {
        List<PendingFileDeletion> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            due = await db.PendingFileDeletions.AsNoTracking()
                .Where(p => p.NextAttemptAtUtc <= now)
                .OrderBy(p => p.NextAttemptAtUtc)
                .Take(options.Value.WorkerBatchSize)
                .ToListAsync(cancellationToken);
        }

        return due.Count == 0 ? 0 : await RemoveAsync(due, cancellationToken);
    }

    /// <summary>Removes the files of the given records; returns how many records were settled.</summary>
    public async Task<int> RemoveAsync(IReadOnlyCollection<PendingFileDeletion> pending, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keys = pending.Select(p => p.StorageKey).Distinct().ToList();

        // Re-checked right before removal: a key some live asset uses is kept, whatever the record says.
        var liveKeys = (await db.MediaFiles.AsNoTracking()
                .Where(f => keys.Contains(f.StorageKey))
                .Select(f => f.StorageKey)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        var settled = new List<long>();
        var failed = new List<(PendingFileDeletion Record, string Error)>();
        foreach (var record in pending)
        {
            if (liveKeys.Contains(record.StorageKey))
            {
                logger.LogWarning("Kept {StorageKey}: a live asset still uses it; dropping its pending deletion", record.StorageKey);
                settled.Add(record.Id);
                continue;
            }

            if (!StorageKey.TryParse(record.StorageKey, out var key, out var problem))
            {
                logger.LogError("Pending deletion {Id} names an invalid storage key and is dropped: {Problem}", record.Id, problem);
                settled.Add(record.Id);
                continue;
            }

            try
            {
                await storage.DeleteAsync(key, cancellationToken);
                settled.Add(record.Id);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StorageUnavailableException)
            {
                logger.LogWarning(ex, "Could not remove {StorageKey} (attempt {Attempt}); it will be retried", record.StorageKey, record.Attempts + 1);
                failed.Add((record, ex.Message));
            }
        }

        if (settled.Count > 0)
        {
            foreach (var chunk in settled.Chunk(500))
            {
                await db.PendingFileDeletions.Where(p => chunk.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
            }
        }

        foreach (var (record, error) in failed)
        {
            var attempts = record.Attempts + 1;
            var next = clock.GetUtcNow().UtcDateTime + BackOff(attempts);
            var message = error.Length > 1024 ? error[..1024] : error;
            await db.PendingFileDeletions.Where(p => p.Id == record.Id).ExecuteUpdateAsync(
                set => set.SetProperty(p => p.Attempts, attempts)
                    .SetProperty(p => p.NextAttemptAtUtc, next)
                    .SetProperty(p => p.LastError, message),
                cancellationToken);
        }

        return settled.Count;
    }

    internal TimeSpan BackOff(int attempts)
    {
        var settings = options.Value;
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(settings.RetryBaseDelay.Ticks * factor, settings.RetryMaxDelay.Ticks));
        return delay;
    }
}
