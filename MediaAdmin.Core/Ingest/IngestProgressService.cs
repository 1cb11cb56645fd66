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

        // One query: each asset with its job's progress. The pipeline creates one job per asset and a retry re-queues
        // it; should there ever be more, the newest is the one running.
        var assets = await db.MediaAssets.AsNoTracking().Where(a => assetIds.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                a.Status,
                a.StatusReason,
                Progress = db.IngestJobs.Where(j => j.AssetId == a.Id).OrderByDescending(j => j.Id).Select(j => (double?)j.Progress).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        return assets.ToDictionary(a => a.Id, a => new AssetProgress(a.Id, a.Status, PercentOf(a.Progress ?? 0), a.StatusReason));
    }

    private static int PercentOf(double progress) => (int)Math.Round(Math.Clamp(progress, 0, 1) * 100, MidpointRounding.ToZero);
}
