namespace MediaAdmin.Core.Deletion.Remote;

/// <summary>
/// What the CDN may still serve of each video about to be deleted, captured before DeleteVideo because nothing can
/// tell it afterwards; without query strings, so no signed URL's auth_key reaches a reminder, a log or a page.
/// </summary>
internal sealed record CapturedCdnUrls(IReadOnlyDictionary<string, IReadOnlyList<string>> UrlsByVideo)
{
    public IReadOnlyList<string> For(string videoId) => UrlsByVideo.GetValueOrDefault(videoId, []);
}
