using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Library;

/// <summary>
/// Title search by words, each matched as a prefix. On SQLite through the FTS5 table MediaAssetTitles
/// (kept by triggers, keyed by <see cref="MediaAsset.SearchKey"/>); on SQL Server with LIKE.
/// </summary>
internal static class TitleSearch
{
    public const int MaxWords = 8;

    public static IReadOnlyList<string> Words(string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? []
            : search.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(w => new string(w.Where(c => char.IsLetterOrDigit(c)).ToArray()))
                .Where(w => w.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Take(MaxWords)
                .ToList();

    public static IQueryable<MediaAsset> Apply(MediaDbContext db, IQueryable<MediaAsset> assets, IReadOnlyList<string> words)
    {
        if (db is SqliteMediaDbContext)
        {
            // Every word quoted (no FTS operators get through) and matched as a prefix; all must match.
            var match = string.Join(" ", words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"*"));
            var keys = db.Database.SqlQuery<long>($"SELECT rowid AS \"Value\" FROM \"MediaAssetTitles\" WHERE \"MediaAssetTitles\" MATCH {match}");
            return assets.Where(a => keys.Contains(a.SearchKey));
        }

        foreach (var word in words)
        {
            var pattern = "%" + word + "%";
            assets = assets.Where(a => EF.Functions.Like(a.Title, pattern));
        }

        return assets;
    }
}
