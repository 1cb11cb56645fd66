using System.Net;
using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Events;

/// <summary>
/// A callback is believed only as far as GetVideoInfos confirms it, and only while ApsaraVideo VOD still waits for
/// the answer (5 seconds): its body is unsigned, and a late answer counts as a failed delivery.
/// </summary>
public sealed class VodCallbackConfirmationTests(AlibabaVodSourceServer vod) : IClassFixture<AlibabaVodSourceServer>
{
    private readonly HttpClient _client = vod.Server.CreateClient();

    [Fact]
    public async Task A_DeleteMediaComplete_for_a_video_Alibaba_still_has_is_recorded_as_not_applied_and_the_video_stays()
    {
        var id = await SeedAsync("Still on Alibaba");
        vod.Remote.ReplyOnceTo("GetVideoInfos", 200, RemoteVideos.GetVideoInfosReply(id, "Still on Alibaba"));

        using var response = await Post(SignedCallbacks.DeleteMediaComplete(id, DateTime.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not applied: the video still exists", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await vod.MirrorHasAsync(id));
        await using var db = await vod.OpenDbAsync();
        Assert.Contains("not applied: the video still exists", (await db.ReceivedVodEvents.SingleAsync(e => e.VideoId == id)).Outcome, StringComparison.Ordinal);
        Assert.Contains(vod.Remote.CallsTo("GetVideoInfos"), c => c.Parameters["VideoIds"] == id);
    }

    [Fact]
    public async Task A_callback_whose_GetVideoInfos_outlasts_the_apply_timeout_is_answered_503_records_nothing_and_applies_when_resent()
    {
        var id = RemoteVideos.NewId();
        vod.Remote.ReplyOnceTo("GetVideoInfos", 200, RemoteVideos.GetVideoInfosReply(id, "Too slow the first time"), delay: TimeSpan.FromSeconds(8));
        var body = SignedCallbacks.FileUploadComplete(id, DateTime.UtcNow);

        using var refused = await Post(body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("AlibabaVod:CallbackApplyTimeout", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await vod.MirrorHasAsync(id));
        await using (var db = await vod.OpenDbAsync())
        {
            Assert.False(await db.ReceivedVodEvents.AnyAsync(e => e.VideoId == id));
        }

        vod.Remote.ReplyOnceTo("GetVideoInfos", 200, RemoteVideos.GetVideoInfosReply(id, "Applied on the resend"));
        using var resent = await Post(body);

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.True(await vod.MirrorHasAsync(id));
    }

    private Task<HttpResponseMessage> Post(string body) => SignedCallbacks.PostAsync(_client, vod.CallbackUrl, body, AlibabaVodSourceServer.CallbackKey);

    private async Task<string> SeedAsync(string title)
    {
        var id = RemoteVideos.NewId();
        await vod.Server.Services.GetRequiredService<RemoteMirror>().UpsertAsync([RemoteVideos.Video(id, title)], seenInSyncRunId: null);
        return id;
    }
}
