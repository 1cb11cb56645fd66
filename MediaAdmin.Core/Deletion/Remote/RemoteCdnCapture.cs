using MediaAdmin.Core.AlibabaVod;

namespace MediaAdmin.Core.Deletion.Remote;

/// <summary>
/// Reads from ApsaraVideo VOD every URL the CDN may serve of the videos about to be deleted: the play URL of every
/// definition and format (GetPlayInfo), the cover and the snapshots (from GetVideoInfos' description).
/// </summary>
internal sealed class RemoteCdnCapture(VodClient vod)
{
    /// <summary>GetPlayInfo calls in flight at once: quick for 20 videos, gentle on the account's per-second quota.</summary>
    private const int ParallelPlayInfoCalls = 4;

    /// <summary>GetPlayInfo's answers for a video that exists but has nothing to play: no stream yet, or a state that plays nothing.</summary>
    private static readonly HashSet<string> NothingToPlay = new(StringComparer.Ordinal)
    {
        "InvalidVideo.NoneStream", "Forbidden.IllegalStatus", DeletionError.InvalidVideoNotFoundCode,
    };

    /// <summary>
    /// The URLs per video of <paramref name="videos"/> (as GetVideoInfos just described them), or the error that
    /// kept them from being read (then nothing may be deleted).
    /// </summary>
    public async Task<VodReply<CapturedCdnUrls>> CaptureAsync(VodAccount account, IReadOnlyList<VodRemoteVideo> videos, CancellationToken cancellationToken)
    {
        var playUrls = new IReadOnlyList<string>[videos.Count];
        VodError? failure = null;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, videos.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelPlayInfoCalls, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var reply = await vod.GetPlayInfoAsync(account, videos[index].VideoId, ct);
                if (reply.IsSuccess)
                {
                    playUrls[index] = [.. reply.Value.Select(p => p.PlayUrl)];
                }
                else if (NothingToPlay.Contains(reply.Error.Code))
                {
                    playUrls[index] = [];
                }
                else
                {
                    failure ??= reply.Error;
                }
            });
        if (failure is not null)
        {
            return failure;
        }

        var urls = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 0; i < videos.Count; i++)
        {
            var video = videos[i];
            string?[] pictures = [video.CoverUrl, .. video.SnapshotUrls];
            urls[video.VideoId] = playUrls[i].Concat(pictures.OfType<string>())
                .Select(WithoutQuery).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        }

        return new CapturedCdnUrls(urls);
    }

    /// <summary>
    /// The URL without its query string and fragment: with URL authentication Alibaba signs play URLs with an
    /// expiring auth_key, which is a credential, and the CDN caches the object under its path anyway.
    /// </summary>
    private static string WithoutQuery(string url) => url.IndexOfAny(['?', '#']) is var cut and >= 0 ? url[..cut] : url;
}
