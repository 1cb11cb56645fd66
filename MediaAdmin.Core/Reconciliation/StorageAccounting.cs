using MediaAdmin.Core.Storage;

namespace MediaAdmin.Core.Reconciliation;

/// <summary>
/// Which database names account for a stored key. A file row names its key; a pending removal names its asset's
/// prefix; a running ingest names its asset's prefix.
/// </summary>
internal static class StorageAccounting
{
    /// <summary>The key itself and every folder it lies in: the names a file row, a pending removal or a running ingest may give.</summary>
    public static IEnumerable<string> NamesFor(string key) => [key, .. StorageKey.FoldersOf(key)];

    /// <summary>True when one of <paramref name="names"/> (read from the database for a page) accounts for the key.</summary>
    public static bool IsAccountedFor(string key, IReadOnlySet<string> names) => NamesFor(key).Any(names.Contains);

    /// <summary>The asset whose prefix ('media/{id}/') the key lies under, or null for a key elsewhere.</summary>
    public static string? AssetIdOf(string key)
    {
        var parts = key.Split('/', 3);
        return parts.Length == 3 && parts[0] == "media" && Library.VideoId.IsWellFormed(parts[1]) ? parts[1] : null;
    }

    public static string AssetPrefix(string assetId) => $"media/{assetId}/";
}
