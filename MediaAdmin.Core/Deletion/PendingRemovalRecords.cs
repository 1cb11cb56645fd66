using System.Collections.Concurrent;
using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Deletion;

/// <summary>
/// The database side of <see cref="PendingFileRemover"/>: claiming records, saving progress, completing and
/// postponing them. On SQLite these writes take their turn at the process's <see cref="SqliteWriteGate"/> with the
/// API's, so no lane holds a thread inside SQLite's busy handler, while the removals they serve run side by side.
/// </summary>
internal sealed class PendingRemovalRecords(IDbContextFactory<MediaDbContext> dbFactory, SqliteWriteGate writeGate, IOptions<DeletionOptions> options, TimeProvider clock)
{
    // Compiled once: the worker reads these for every deleted asset, and under load building their expression trees
    // cost more CPU than the statements.
    private static readonly Func<MediaDbContext, DateTime, List<long>, CancellationToken, Task<PendingFileDeletion?>> OldestDue = EF.CompileAsyncQuery(
        (MediaDbContext db, DateTime now, List<long> busyHere, CancellationToken _) => db.PendingFileDeletions.AsNoTracking()
            .Where(p => p.CompletedAtUtc == null && p.NextAttemptAtUtc <= now && !busyHere.Contains(p.Id))
            .OrderBy(p => p.NextAttemptAtUtc)
            .FirstOrDefault());

    private static readonly Func<MediaDbContext, string, CancellationToken, Task<bool>> AssetLives = EF.CompileAsyncQuery(
        (MediaDbContext db, string assetId, CancellationToken _) => db.MediaAssets.Any(a => a.Id == assetId));

    private static readonly Func<MediaDbContext, string, string, IAsyncEnumerable<string>> LiveKeysBetween = EF.CompileAsyncQuery(
        (MediaDbContext db, string from, string to) => db.MediaFiles.AsNoTracking()
            .Where(f => f.StorageKey.CompareTo(from) >= 0 && f.StorageKey.CompareTo(to) < 0 && db.MediaAssets.Any(a => a.Id == f.AssetId))
            .Select(f => f.StorageKey));

    private readonly ConcurrentDictionary<long, byte> _takenHere = new();

    /// <summary>
    /// The oldest due record that this process is not already removing, leased to the caller; null when none is due.
    /// Give it back with <see cref="Release"/> once its removal ended, however it ended.
    /// </summary>
    public async Task<PendingFileDeletion?> TakeNextDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        while (true)
        {
            // Read without the write gate: every lane looks at every round's end, and under the load benchmark those
            // looks, mostly finding nothing, were half of all passages through the gate that each API call waits at.
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await OldestDue(db, now, _takenHere.Keys.ToList(), cancellationToken);
            if (due is null)
            {
                return null;
            }

            if (!_takenHere.TryAdd(due.Id, 0))
            {
                continue; // Another lane of this process read it too, and has it.
            }

            // Whoever moves the due time first holds the lease; another instance that read the same record retries.
            // The last failure's reason goes with it: the pages say "waiting to try again" only while nobody is trying.
            var leasedUntil = now + options.Value.RemovalLease;
            int taken;
            using (await writeGate.EnterAsync(db, cancellationToken))
            {
                taken = await db.PendingFileDeletions
                    .Where(p => p.Id == due.Id && p.NextAttemptAtUtc == due.NextAttemptAtUtc && p.CompletedAtUtc == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(p => p.NextAttemptAtUtc, leasedUntil).SetProperty(p => p.LastError, (string?)null), cancellationToken);
            }

            if (taken == 1)
            {
                return due;
            }

            _takenHere.TryRemove(due.Id, out _);
        }
    }

    /// <summary>Lets this process take the record again (after a back-off or, should it be kept, the lease).</summary>
    public void Release(PendingFileDeletion record) => _takenHere.TryRemove(record.Id, out _);

    /// <summary>Whether the asset of the record still lives: then nothing below its prefix may be removed.</summary>
    public async Task<bool> IsLiveAsync(PendingFileDeletion record, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await AssetLives(db, record.AssetId, cancellationToken);
    }

    /// <summary>Keys below <paramref name="prefix"/> that a live asset's rows name: never removed, whatever a record says.</summary>
    public async Task<List<string>> LiveKeysBelowAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // The keys from "prefix" up to, not including, the prefix with its closing '/' raised to '0': exactly those below it.
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        return await LiveKeysBetween(db, prefix, end).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Adds files removed since the last save to the record's count and renews its lease, so a removal that runs
    /// longer than <see cref="DeletionOptions.RemovalLease"/> is not taken over by another instance while it goes.
    /// </summary>
    public Task SaveProgressAsync(PendingFileDeletion record, int removed, CancellationToken cancellationToken) => WriteAsync(db =>
    {
        var leasedUntil = clock.GetUtcNow().UtcDateTime + options.Value.RemovalLease;
        return db.PendingFileDeletions.Where(p => p.Id == record.Id && p.CompletedAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.RemovedFiles, p => p.RemovedFiles + removed).SetProperty(p => p.NextAttemptAtUtc, leasedUntil), cancellationToken);
    }, cancellationToken);

    /// <summary>
    /// In one transaction: removes the asset's file rows (left by the commit on SQLite; none on SQL Server, which
    /// cascaded them, nor for an asset that lives), completes the record with its last count, and clears its
    /// request's records once all of them are complete.
    /// </summary>
    public Task CompleteAsync(PendingFileDeletion record, int removed, CancellationToken cancellationToken) => WriteAsync(db =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            var (id, assetId, requestId) = (record.Id, record.AssetId, record.RequestId);
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.MediaFiles.Where(f => f.AssetId == assetId && !db.MediaAssets.Any(a => a.Id == assetId)).ExecuteDeleteAsync(cancellationToken);
            await db.PendingFileDeletions.Where(p => p.Id == id).ExecuteUpdateAsync(
                set => set.SetProperty(p => p.CompletedAtUtc, now).SetProperty(p => p.LastError, (string?)null).SetProperty(p => p.RemovedFiles, p => p.RemovedFiles + removed),
                cancellationToken);
            await db.PendingFileDeletions
                .Where(p => p.RequestId == requestId && !db.PendingFileDeletions.Any(o => o.RequestId == requestId && o.CompletedAtUtc == null))
                .ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return 0;
        }),
        cancellationToken);

    /// <summary>Keeps the record for a retry after a back-off, with its last count and why it failed.</summary>
    public Task PostponeAsync(PendingFileDeletion record, int removed, string error, CancellationToken cancellationToken) => WriteAsync(db =>
    {
        var attempts = record.Attempts + 1;
        var next = clock.GetUtcNow().UtcDateTime + BackOff(attempts);
        var message = error.Length > 1024 ? error[..1024] : error;
        return db.PendingFileDeletions.Where(p => p.Id == record.Id).ExecuteUpdateAsync(
            set => set.SetProperty(p => p.Attempts, attempts).SetProperty(p => p.NextAttemptAtUtc, next).SetProperty(p => p.LastError, message)
                .SetProperty(p => p.RemovedFiles, p => p.RemovedFiles + removed),
            cancellationToken);
    }, cancellationToken);

    private TimeSpan BackOff(int attempts)
    {
        var settings = options.Value;
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(settings.RetryBaseDelay.Ticks * factor, settings.RetryMaxDelay.Ticks));
    }

    private async Task<T> WriteAsync<T>(Func<MediaDbContext, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        return await write(db);
    }
}
