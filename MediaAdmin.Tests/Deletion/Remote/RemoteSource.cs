using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Tests.AlibabaVod;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Deletion.Remote;

/// <summary>Settings and arrangements for a host whose library is an ApsaraVideo VOD account played by a stand-in.</summary>
public static class RemoteSource
{
    /// <summary><c>Library:Source=AlibabaVod</c> pointed at <paramref name="vod"/>, retrying in milliseconds, giving up on an attempt after 5 s (the shared test machine can be slow).</summary>
    public static Dictionary<string, string?> Settings(VodStandIn vod) => new()
    {
        ["Library:Source"] = "AlibabaVod",
        ["AlibabaVod:Endpoint"] = vod.Endpoint.ToString(),
        ["AlibabaVod:RegionId"] = "cn-shanghai",
        ["AlibabaVod:AccessKeyId"] = VodStandIn.AccessKeyId,
        ["AlibabaVod:AccessKeySecret"] = VodStandIn.AccessKeySecret,
        ["AlibabaVod:CallbackPrivateKey"] = "callback-key-for-tests",
        ["AlibabaVod:Resilience:RetryDelay"] = "00:00:00.010",
        ["AlibabaVod:Resilience:MaxRetries"] = "1",
        ["AlibabaVod:Resilience:AttemptTimeout"] = "00:00:05",
    };

    /// <summary>Writes the videos into the mirror as a sync would.</summary>
    public static Task MirrorAsync(IServiceProvider services, params VodRemoteVideo[] videos) =>
        services.GetRequiredService<RemoteMirror>().UpsertAsync(videos, seenInSyncRunId: null, DateTime.UtcNow);

    public static async Task GrantAsync(IServiceProvider services, string userId, params long[] categoryIds)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<Core.Data.MediaDbContext>>().CreateDbContextAsync();
        db.CategoryGrants.AddRange(categoryIds.Select(id => new CategoryGrant { UserId = userId, CategoryId = id, GrantedAtUtc = DateTime.UtcNow }));
        await db.SaveChangesAsync();
    }

    /// <summary>What the CDN may serve of a video: its play URLs, then its cover and snapshots.</summary>
    public static List<string> CdnUrlsOf(RemoteVideo entry) =>
        [.. entry.Streams.Select(s => s.PlayUrl), entry.Video.CoverUrl!, .. entry.Video.SnapshotUrls];
}
