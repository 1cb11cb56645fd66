namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>What one deletion left cached at the edge, asset by asset.</summary>
public sealed record CdnPurgeBatch(string RequestId, IReadOnlyList<CdnPurgeAsset> Assets);

/// <summary>
/// One deleted asset's cached URLs: the folder URL every one of them starts with (for providers that purge a
/// prefix at once) and each file's URL (for providers that purge URL by URL).
/// </summary>
public sealed record CdnPurgeAsset(string VideoId, string FolderUrl, IReadOnlyList<string> FileUrls);
