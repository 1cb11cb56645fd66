using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Deletion;

/// <summary>
/// Reads, inside a deletion's transaction, the file summary each asset keeps (<see cref="Library.MediaAsset.FileCount"/>,
/// <see cref="Library.MediaAsset.CdnReminderUrls"/>): one row per asset, however many files it has. An asset whose
/// summary was never written (its files were committed by a version that did not keep one) is summarised from its
/// file rows instead, as every deletion did before.
/// </summary>
internal static class AssetFileSummaries
{
    public static async Task<IReadOnlyDictionary<string, AssetFileSummary>> ReadAsync(
        MediaDbContext db, IReadOnlyList<string> assetIds, CancellationToken cancellationToken)
    {
        var kept = await db.MediaAssets.AsNoTracking()
            .Where(a => assetIds.Contains(a.Id) && a.FileCount != null && a.CdnReminderUrls != null)
            .Select(a => new { a.Id, a.FileCount, a.CdnReminderUrls })
            .ToListAsync(cancellationToken);
        var summaries = kept.ToDictionary(
            a => a.Id,
            a => new AssetFileSummary(a.FileCount!.Value, CdnReminderUrls.FromStored(a.CdnReminderUrls!)),
            StringComparer.Ordinal);

        var unsummarised = assetIds.Where(id => !summaries.ContainsKey(id)).ToList();
        if (unsummarised.Count > 0)
        {
            foreach (var (id, summary) in await FromFileRowsAsync(db, unsummarised, cancellationToken))
            {
                summaries[id] = summary;
            }
        }

        return summaries;
    }

    /// <summary>Only assets written before summaries existed come here, so one plain read of their rows serves count and URLs.</summary>
    private static async Task<Dictionary<string, AssetFileSummary>> FromFileRowsAsync(
        MediaDbContext db, List<string> assetIds, CancellationToken cancellationToken)
    {
        var urls = (await db.MediaFiles.AsNoTracking()
                .Where(f => assetIds.Contains(f.AssetId))
                .Select(f => new { f.AssetId, f.CdnUrl })
                .ToListAsync(cancellationToken))
            .ToLookup(f => f.AssetId, f => f.CdnUrl, StringComparer.Ordinal);
        return assetIds.ToDictionary(
            id => id,
            id => new AssetFileSummary(urls[id].Count(), CdnReminderUrls.Collapse(urls[id])),
            StringComparer.Ordinal);
    }
}
