using System.Globalization;
using System.Text.Json;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Events;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Events;

/// <summary>A local-source console sending ApsaraVideo VOD's callbacks for its deletions, with Alibaba's retry rule.</summary>
public sealed class VodCallbackSendingTests : IAsyncLifetime
{
    private const string SenderKey = "sender-key-5e1d07aa";

    private readonly TempFolder _folder = new();
    private readonly CallbackReceiver _receiver = new();
    private ConsoleServer? _server;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_console_delete_sends_a_signed_DeleteMediaComplete_that_an_AlibabaVod_console_accepts_and_applies()
    {
        var mirror = new AlibabaVodSourceServer();
        await mirror.InitializeAsync();
        try
        {
            await DeletedOnOneInstanceIsAppliedOnTheOtherAsync(mirror);
        }
        finally
        {
            await mirror.DisposeAsync();
        }
    }

    private async Task DeletedOnOneInstanceIsAppliedOnTheOtherAsync(AlibabaVodSourceServer mirror)
    {
        var server = await StartAsync(mirror.CallbackUrl.ToString(), AlibabaVodSourceServer.CallbackKey);
        var asset = await AddAssetAsync(server);
        await mirror.Server.Services.GetRequiredService<RemoteMirror>().UpsertAsync([RemoteVideos.Video(asset.Id, asset.Title)], seenInSyncRunId: null, DateTime.UtcNow);
        mirror.Remote.ReplyOnceTo("GetVideoInfos", 200, RemoteVideos.NonExistentReply(asset.Id));

        await DeleteAsync(server, asset.Id);

        await Poll.UntilAsync(async () => !await mirror.MirrorHasAsync(asset.Id), "the mirror to drop the video deleted on the local instance");
        var sent = await Poll.ForAsync(server, asset.Id, e => e.SentAtUtc is not null);
        Assert.Equal(("DeleteMediaComplete", 1, null), (sent.EventType, sent.Attempts, sent.LastError));
        await using var db = await mirror.OpenDbAsync();
        Assert.Equal("DeleteMediaComplete", (await db.ReceivedVodEvents.SingleAsync(e => e.VideoId == asset.Id)).EventType);
    }

    [Fact]
    public async Task A_receiver_answering_500_twice_then_200_gets_three_signed_attempts_and_the_callback_is_sent()
    {
        _receiver.AnswerNext(500, 500);
        var server = await StartAsync();
        var asset = await AddAssetAsync(server);

        await DeleteAsync(server, asset.Id);

        var sent = await Poll.ForAsync(server, asset.Id, e => e.SentAtUtc is not null);
        Assert.Equal(3, sent.Attempts);
        Assert.Equal([500, 500, 200], _receiver.Received.Select(r => r.AnsweredStatus));
        Assert.All(_receiver.Received, AssertSignedDeleteOf(asset.Id));
    }

    [Fact]
    public async Task A_receiver_that_always_answers_500_gets_three_attempts_then_the_callback_is_abandoned_with_the_last_error()
    {
        _receiver.DefaultStatus = 500;
        var server = await StartAsync();
        var asset = await AddAssetAsync(server);

        await DeleteAsync(server, asset.Id);

        var abandoned = await Poll.ForAsync(server, asset.Id, e => e.AbandonedAtUtc is not null);
        Assert.Equal(3, abandoned.Attempts);
        Assert.Null(abandoned.SentAtUtc);
        Assert.Contains("HTTP 500", abandoned.LastError, StringComparison.Ordinal);
        Assert.Equal(3, _receiver.Received.Count);
    }

    [Fact]
    public async Task A_callback_whose_first_attempt_failed_is_still_sent_by_the_instance_after_a_restart()
    {
        _receiver.DefaultStatus = 500;
        var settings = Settings(_receiver.Url, SenderKey, retryDelay: "00:00:03");
        var server = await StartAsync(settings);
        var asset = await AddAssetAsync(server);
        await DeleteAsync(server, asset.Id);
        await Poll.ForAsync(server, asset.Id, e => e.LastError is not null);

        await server.DisposeAsync();
        _server = null;
        _receiver.DefaultStatus = 200;
        var restarted = await StartAsync(settings);

        var sent = await Poll.ForAsync(restarted, asset.Id, e => e.SentAtUtc is not null);
        Assert.InRange(sent.Attempts, 2, 3);
        Assert.Equal(200, _receiver.Received[^1].AnsweredStatus);
        Assert.All(_receiver.Received, AssertSignedDeleteOf(asset.Id));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _receiver.Dispose();
        _folder.Dispose();
    }

    internal static Dictionary<string, string?> Settings(string callbackUrl, string privateKey, string retryDelay = "00:00:00.200") => new()
    {
        ["Events:CallbackUrl"] = callbackUrl,
        ["Events:PrivateKey"] = privateKey,
        ["Events:RetryDelay"] = retryDelay,
        ["Events:PollInterval"] = "00:00:00.050",
    };

    private Action<ReceivedCallback> AssertSignedDeleteOf(string videoId) => callback =>
    {
        var timestamp = long.Parse(callback.Timestamp!, CultureInfo.InvariantCulture);
        Assert.Equal(VodCallbackSignature.Compute(_receiver.Url, timestamp, SenderKey), callback.Signature);
        using var body = JsonDocument.Parse(callback.Body);
        var root = body.RootElement;
        Assert.Equal(("DeleteMediaComplete", videoId, "success", "all"),
            (root.GetProperty("EventType").GetString(), root.GetProperty("MediaId").GetString(), root.GetProperty("Status").GetString(), root.GetProperty("DeleteType").GetString()));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", root.GetProperty("EventTime").GetString());
    };

    private Task<ConsoleServer> StartAsync(string? callbackUrl = null, string privateKey = SenderKey) =>
        StartAsync(Settings(callbackUrl ?? _receiver.Url, privateKey));

    private async Task<ConsoleServer> StartAsync(Dictionary<string, string?> settings)
    {
        _server = await ConsoleServer.StartAsync(_folder.Path, settings);
        return _server;
    }

    private static async Task<MediaAsset> AddAssetAsync(ConsoleServer server)
    {
        var admin = await server.CreateUserAsync(RoleNames.Administrator);
        return await server.Services.GetRequiredService<AssetIngestion>().IngestAsync(Drafts.Video(admin.Id, $"Callback {Guid.NewGuid():N}"[..20]));
    }

    private static async Task DeleteAsync(ConsoleServer server, string videoId)
    {
        var owner = await OwnerOfAsync(server, videoId);
        var result = await server.Services.GetRequiredService<VideoDeletionService>().DeleteAsync(new DeletionCaller(owner, DeletionChannel.Console), videoId);
        Assert.Equal([videoId], result.Deleted.Select(d => d.VideoId));
    }

    private static async Task<string> OwnerOfAsync(ConsoleServer server, string videoId)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContextAsync();
        return await db.MediaAssets.Where(a => a.Id == videoId).Select(a => a.OwnerId).SingleAsync();
    }
}
