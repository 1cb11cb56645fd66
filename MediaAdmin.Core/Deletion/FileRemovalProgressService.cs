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

    /// <summary>The progress of several deletions at once, keyed by RequestId.</summary>
    public async Task<IReadOnlyDictionary<string, FileRemovalProgress>> GetManyAsync(IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FileRemovalProgressQuery.ForAsync(db, requestIds, cancellationToken);
    }
}
