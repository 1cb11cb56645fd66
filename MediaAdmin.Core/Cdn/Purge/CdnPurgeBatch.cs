namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// What one deletion left cached at the edge, asset by asset. <paramref name="EarlierAttemptSinceUtc"/> is set when an
/// earlier attempt may have reached the CDN without its answer being recorded (it timed out, or its process died
/// mid-request): a provider whose purges spend a quota looks for what it took since then before sending again.
/// </summary>
public sealed record CdnPurgeBatch(string RequestId, IReadOnlyList<CdnPurgeAsset> Assets, DateTime? EarlierAttemptSinceUtc = null);

/// <summary>
/// One deleted asset's cached URLs: the folder URL every one of them starts with (for providers that purge a
/// prefix at once) and each file's URL (for providers that purge URL by URL).
/// </summary>
public sealed record CdnPurgeAsset(string VideoId, string FolderUrl, IReadOnlyList<string> FileUrls);
