namespace MediaAdmin.Core.Library;

/// <summary>A page of assets for the VOD API, with how many match in all (capped as <see cref="LibraryResult.TotalCount"/> is).</summary>
public sealed record AssetDetailsPage(IReadOnlyList<AssetDetails> Assets, int Total);
