using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Deletion;

/// <summary>Reads the file removal progress of deletions from the database, so every instance tells the same.</summary>
public sealed class FileRemovalProgressService(IDbContextFactory<MediaDbContext> dbFactory)
{
    /// <summary>How often <see cref="FollowAsync"/> asks: a worker on any instance may be the one removing the files.</summary>
    public static readonly TimeSpan FollowInterval = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// Reports the progress of <paramref name="requestId"/> now and whenever it changes, asking every
    /// <see cref="FollowInterval"/>, until storage is clean or <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task FollowAsync(string requestId, Func<FileRemovalProgress, Task> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var timer = new PeriodicTimer(FollowInterval);
        FileRemovalProgress? last = null;
        do
        {
            var progress = await GetAsync(requestId, cancellationToken);
            if (progress != last)
            {
                await report(progress);
                last = progress;
            }
        }
        while (!last.IsClean && await timer.WaitForNextTickAsync(cancellationToken));
    }

    /// <summary>The progress of one deletion, by its RequestId; a request with nothing pending is clean.</summary>
    public async Task<FileRemovalProgress> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        return (await GetManyAsync([requestId], cancellationToken))[requestId];
    }

    /// <summary>The progress of several deletions at once (the CDN refresh page lists many), keyed by RequestId.</summary>
    public async Task<IReadOnlyDictionary<string, FileRemovalProgress>> GetManyAsync(IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestIds);
        var ids = requestIds.Distinct(StringComparer.Ordinal).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.PendingFileDeletions.AsNoTracking()
            .Where(p => ids.Contains(p.RequestId))
            .Select(p => new { p.RequestId, p.TotalFiles, p.RemovedFiles, Done = p.CompletedAtUtc != null })
            .ToListAsync(cancellationToken);

        var byRequest = pending.ToLookup(p => p.RequestId, StringComparer.Ordinal);
        return ids.ToDictionary(
            id => id,
            id =>
            {
                var records = byRequest[id].ToList();
                if (records.All(r => r.Done))
                {
                    return FileRemovalProgress.Clean(id);
                }

                // A removal can meet more files than its rows named (an ingest racing the delete); never show more than all.
                var total = records.Sum(r => r.TotalFiles);
                var removed = records.Sum(r => r.Done ? r.TotalFiles : Math.Min(r.RemovedFiles, r.TotalFiles));
                return new FileRemovalProgress(id, total, removed, IsClean: false);
            },
            StringComparer.Ordinal);
    }
}
