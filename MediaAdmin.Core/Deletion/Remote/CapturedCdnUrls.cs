namespace MediaAdmin.Core.Deletion.Remote;

/// <summary>
/// What the CDN may still serve of each video about to be deleted, captured before DeleteVideo because nothing can
/// tell it afterwards, and the videos the remote no longer had when asked.
/// </summary>
internal sealed record CapturedCdnUrls(IReadOnlyDictionary<string, IReadOnlyList<string>> UrlsByVideo, IReadOnlySet<string> AlreadyGone)
{
    public IReadOnlyList<string> For(string videoId) => UrlsByVideo.GetValueOrDefault(videoId, []);
}
