using System.Net;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Events;

/// <summary>
/// ApsaraVideo VOD's callbacks arriving at a real AlibabaVod-source console, its remote a WireMock stand-in. A callback
/// is believed only as far as GetVideoInfos confirms it (the body is unsigned), and only while Alibaba still waits.
/// </summary>
public sealed class VodCallbackReceivingTests(AlibabaVodSourceServer vod) : IClassFixture<AlibabaVodSourceServer>
{
    private readonly HttpClient _client = vod.Server.CreateClient();

    [Fact]
    public async Task An_upload_callback_adds_the_video_as_GetVideoInfos_describes_it()
    {
        var id = RemoteVideos.NewId();
        vod.Remote.ReplyOnceTo("GetVideoInfos", 200, RemoteVideos.GetVideoInfosReply(id, "Harbour at dawn"));

        using var response = await Post(SignedCallbacks.FileUploadComplete(id, DateTime.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await vod.OpenDbAsync();
        var asset = await db.MediaAssets.SingleAsync(a => a.Id == id);
        Assert.Equal(("Harbour at dawn", 1_439_213L), (asset.Title, asset.TotalSizeBytes));
        Assert.True(await db.RemoteAssets.AnyAsync(r => r.AssetId == id));
        var received = await db.ReceivedVodEvents.SingleAsync(e => e.VideoId == id);
        Assert.Equal("FileUploadComplete", received.EventType);
        Assert.Contains("added to the mirror", received.Outcome, StringComparison.Ordinal);
        Assert.Contains(vod.Remote.CallsTo("GetVideoInfos"), c => c.Parameters["VideoIds"] == id && c.SignatureValid);
    }

    [Fact]
    public async Task A_DeleteMediaComplete_callback_removes_the_mirrored_video_and_tells_open_library_pages()
    {
        var id = await SeedAsync("Gone tomorrow");
        vod.Remote.ReplyOnceTo("GetVideoInfos", 200, RemoteVideos.NonExistentReply(id));
        var notifier = vod.Server.Services.GetRequiredService<DeletionNotifier>();
        var heard = new List<string>();
        void Listen(AssetsDeleted deleted) => heard.AddRange(deleted.VideoIds);
        notifier.Deleted += Listen;
        try
        {
            using var response = await Post(SignedCallbacks.DeleteMediaComplete(id, DateTime.UtcNow));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            notifier.Deleted -= Listen;
        }

        Assert.False(await vod.MirrorHasAsync(id));
        Assert.Contains(id, heard);
        await using var db = await vod.OpenDbAsync();
        Assert.Contains("removed from the mirror", (await db.ReceivedVodEvents.SingleAsync(e => e.VideoId == id)).Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_callback_sent_twice_is_applied_once_and_answered_200_both_times()
    {
        var id = RemoteVideos.NewId();
        vod.Remote.ReplyOnceTo("GetVideoInfos", 200, RemoteVideos.GetVideoInfosReply(id, "Sent twice"));
        var body = SignedCallbacks.FileUploadComplete(id, DateTime.UtcNow);

        using var first = await Post(body);
        using var second = await Post(body);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Contains("applied before", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(vod.Remote.CallsTo("GetVideoInfos"), c => c.Parameters["VideoIds"] == id);
        await using var db = await vod.OpenDbAsync();
        Assert.Equal(1, await db.ReceivedVodEvents.CountAsync(e => e.VideoId == id));
        Assert.True(await vod.MirrorHasAsync(id));
    }

    [Theory]
    [InlineData("wrong signature", HttpStatusCode.Forbidden, "does not match")]
    [InlineData("wrong key", HttpStatusCode.Forbidden, "does not match")]
    [InlineData("old timestamp", HttpStatusCode.Forbidden, "AlibabaVod:CallbackMaxAge")]
    [InlineData("future timestamp", HttpStatusCode.Forbidden, "in the future")]
    [InlineData("no headers", HttpStatusCode.Forbidden, "X-VOD-TIMESTAMP is missing")]
    [InlineData("not JSON", HttpStatusCode.BadRequest, "not JSON")]
    [InlineData("no EventType", HttpStatusCode.BadRequest, "no EventType")]
    public async Task A_refused_callback_is_answered_with_its_reason_and_changes_nothing(string spoiled, HttpStatusCode status, string reason)
    {
        var id = await SeedAsync($"Still here after a callback with {spoiled}");
        var body = SignedCallbacks.DeleteMediaComplete(id, DateTime.UtcNow);
        var now = DateTimeOffset.UtcNow;

        using var response = spoiled switch
        {
            "wrong signature" => await SignedCallbacks.PostAsync(_client, vod.CallbackUrl, body, AlibabaVodSourceServer.CallbackKey, signature: new string('0', 32)),
            "wrong key" => await SignedCallbacks.PostAsync(_client, vod.CallbackUrl, body, "another-key"),
            "old timestamp" => await SignedCallbacks.PostAsync(_client, vod.CallbackUrl, body, AlibabaVodSourceServer.CallbackKey, now.AddMinutes(-10)),
            "future timestamp" => await SignedCallbacks.PostAsync(_client, vod.CallbackUrl, body, AlibabaVodSourceServer.CallbackKey, now.AddMinutes(5)),
            "no headers" => await SignedCallbacks.PostAsync(_client, vod.CallbackUrl, body, AlibabaVodSourceServer.CallbackKey, withHeaders: false),
            "not JSON" => await Post("<html><body>502 Bad Gateway</body></html>"),
            _ => await Post($$"""{"EventTime":"{{SignedCallbacks.Time(DateTime.UtcNow)}}","MediaId":"{{id}}","Status":"success"}"""),
        };

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await vod.MirrorHasAsync(id));
        await using var db = await vod.OpenDbAsync();
        Assert.False(await db.ReceivedVodEvents.AnyAsync(e => e.VideoId == id));
    }

    [Theory]
    [InlineData("failing", "ServiceUnavailable")]
    [InlineData("slower than AlibabaVod:CallbackApplyTimeout", "AlibabaVod:CallbackApplyTimeout")]
    public async Task A_callback_that_arrives_while_the_remote_cannot_be_asked_is_answered_503_records_nothing_and_applies_when_resent(string remote, string reason)
    {
        var id = RemoteVideos.NewId();
        if (remote == "failing")
        {
            vod.Remote.ReplyOnceTo("GetVideoInfos", 503, """{"RequestId":"R1","Code":"ServiceUnavailable","Message":"The request has failed due to a temporary failure of the server."}""");
            vod.Remote.ReplyOnceTo("GetVideoInfos", 503, """{"RequestId":"R2","Code":"ServiceUnavailable","Message":"The request has failed due to a temporary failure of the server."}""");
        }
        else
        {
            vod.Remote.ReplyOnceTo("GetVideoInfos", 200, RemoteVideos.GetVideoInfosReply(id, "Too slow the first time"), delay: TimeSpan.FromSeconds(8));
        }

        var body = SignedCallbacks.FileUploadComplete(id, DateTime.UtcNow);

        using var refused = await Post(body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains(reason, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await vod.MirrorHasAsync(id));
        await using (var db = await vod.OpenDbAsync())
        {
            Assert.False(await db.ReceivedVodEvents.AnyAsync(e => e.VideoId == id));
        }

        vod.Remote.ReplyOnceTo("GetVideoInfos", 200, RemoteVideos.GetVideoInfosReply(id, "Arrived on the resend"));
        using var resent = await Post(body);

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.True(await vod.MirrorHasAsync(id));
    }

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
    public async Task A_transcode_callback_for_a_video_the_remote_no_longer_has_removes_it_from_the_mirror()
    {
        var id = await SeedAsync("Deleted before its transcode finished");
        vod.Remote.ReplyOnceTo("GetVideoInfos", 200, RemoteVideos.NonExistentReply(id));

        using var response = await Post($$"""{"EventTime":"{{SignedCallbacks.Time(DateTime.UtcNow)}}","EventType":"TranscodeComplete","VideoId":"{{id}}","Status":"success","StreamInfos":[]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await vod.MirrorHasAsync(id));
    }

    private Task<HttpResponseMessage> Post(string body) => SignedCallbacks.PostAsync(_client, vod.CallbackUrl, body, AlibabaVodSourceServer.CallbackKey);

    private async Task<string> SeedAsync(string title)
    {
        var id = RemoteVideos.NewId();
        await vod.Server.Services.GetRequiredService<RemoteMirror>().UpsertAsync([RemoteVideos.Video(id, title)], seenInSyncRunId: null, DateTime.UtcNow);
        Assert.True(await vod.MirrorHasAsync(id));
        return id;
    }
}
