namespace MediaAdmin.Core.Deletion;

/// <summary>What a deletion answers with for one asset's files: how many rows it had and its CDN reminder URLs.</summary>
internal sealed record AssetFileSummary(int FileCount, IReadOnlyList<string> CdnUrls)
{
    public static readonly AssetFileSummary None = new(0, []);
}
