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
    // Compiled once: every deletion reads it, and under load building its expression tree cost more CPU than the statement.
    private static readonly Func<MediaDbContext, List<string>, IAsyncEnumerable<KeptSummary>> Kept = EF.CompileAsyncQuery(
        (MediaDbContext db, List<string> assetIds) => db.MediaAssets.AsNoTracking()
            .Where(a => assetIds.Contains(a.Id) && a.FileCount != null && a.CdnReminderUrls != null)
            .Select(a => new KeptSummary(a.Id, a.FileCount, a.CdnReminderUrls)));

    public static async Task<IReadOnlyDictionary<string, AssetFileSummary>> ReadAsync(
        MediaDbContext db, List<string> assetIds, CancellationToken cancellationToken)
    {
        var kept = await Kept(db, assetIds).ToListAsync(cancellationToken);
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

    private sealed record KeptSummary(string Id, int? FileCount, string? CdnReminderUrls);
}
