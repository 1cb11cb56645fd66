using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Ingest;

/// <summary>
/// Reads assets' ingest progress from the database, where the workers write it, so what the console shows is
/// right on every instance and after a restart.
/// </summary>
public sealed class IngestProgressService(IDbContextFactory<MediaDbContext> dbFactory)
{
    /// <summary>
    /// The status, job progress and failure reason of each of <paramref name="assetIds"/> that still exists;
    /// a deleted asset is simply absent from the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, AssetProgress>> ReadAsync(IReadOnlyCollection<string> assetIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assetIds);
        if (assetIds.Count == 0)
        {
            return new Dictionary<string, AssetProgress>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assets = await db.MediaAssets.AsNoTracking().Where(a => assetIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Status, a.StatusReason })
            .ToListAsync(cancellationToken);

        // An asset retried after a crash may have had several jobs; the newest one is the one running.
        var jobs = await db.IngestJobs.AsNoTracking().Where(j => assetIds.Contains(j.AssetId))
            .OrderBy(j => j.Id)
            .Select(j => new { j.AssetId, j.Progress })
            .ToListAsync(cancellationToken);
        var latestProgress = new Dictionary<string, double>();
        foreach (var job in jobs)
        {
            latestProgress[job.AssetId] = job.Progress;
        }

        return assets.ToDictionary(
            a => a.Id,
            a => new AssetProgress(a.Id, a.Status, PercentOf(latestProgress.GetValueOrDefault(a.Id)), a.StatusReason));
    }

    private static int PercentOf(double progress) => (int)Math.Round(Math.Clamp(progress, 0, 1) * 100, MidpointRounding.ToZero);
}
