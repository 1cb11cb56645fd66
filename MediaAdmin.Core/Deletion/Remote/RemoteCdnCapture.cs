using MediaAdmin.Core.AlibabaVod;

namespace MediaAdmin.Core.Deletion.Remote;

/// <summary>
/// Reads from ApsaraVideo VOD every URL the CDN may serve of the videos about to be deleted: the play URL of every
/// definition and format (GetPlayInfo), the cover and the snapshots (GetVideoInfos).
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

    /// <summary>The URLs per video, or the error that kept them from being read (then nothing may be deleted).</summary>
    public async Task<VodReply<CapturedCdnUrls>> CaptureAsync(VodAccount account, IReadOnlyList<MirroredVideo> videos, CancellationToken cancellationToken)
    {
        var infos = await vod.GetVideoInfosAsync(account, [.. videos.Select(v => v.VideoId)], cancellationToken);
        if (!infos.IsSuccess)
        {
            return infos.Error;
        }

        var gone = infos.Value.NonExistVideoIds.ToHashSet(StringComparer.Ordinal);
        var described = infos.Value.Videos.ToDictionary(v => v.VideoId, StringComparer.Ordinal);
        var present = videos.Where(v => !gone.Contains(v.VideoId)).ToList();
        var playUrls = new IReadOnlyList<string>[present.Count];
        VodError? failure = null;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, present.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelPlayInfoCalls, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var reply = await vod.GetPlayInfoAsync(account, present[index].VideoId, ct);
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
        for (var i = 0; i < present.Count; i++)
        {
            var video = present[i];
            var info = described.GetValueOrDefault(video.VideoId);
            string?[] pictures = [info?.CoverUrl ?? video.CoverUrl, .. info?.SnapshotUrls ?? []];
            urls[video.VideoId] = playUrls[i].Concat(pictures.OfType<string>().Where(u => u.Length > 0)).Distinct(StringComparer.Ordinal).ToList();
        }

        return new CapturedCdnUrls(urls, gone);
    }
}
