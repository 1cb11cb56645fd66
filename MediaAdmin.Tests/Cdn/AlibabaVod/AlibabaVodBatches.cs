using System.Globalization;
using MediaAdmin.Core.Cdn.Purge;

namespace MediaAdmin.Tests.Cdn.AlibabaVod;

/// <summary>Purge batches of numbered assets under https://cdn.example.test/vod/, each with numbered segments.</summary>
internal static class AlibabaVodBatches
{
    public static CdnPurgeBatch Of(int assets, int filesPerAsset, int firstAsset = 1, DateTime? earlierAttemptSinceUtc = null) => new(
        "request-1",
        [.. Enumerable.Range(firstAsset, assets).Select(n =>
        {
            var folder = "https://cdn.example.test/vod/video-" + n.ToString(CultureInfo.InvariantCulture);
            return new CdnPurgeAsset("video-" + n, folder, [.. Enumerable.Range(1, filesPerAsset).Select(f => $"{folder}/segment-{f}.ts")]);
        })],
        earlierAttemptSinceUtc);
}
