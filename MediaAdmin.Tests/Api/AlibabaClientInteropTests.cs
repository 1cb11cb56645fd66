using System.Globalization;
using System.Net;
using System.Text.Json;
using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Api;

/// <summary>Alibaba's own clients (pop-core, openapi-client) against the real app on 127.0.0.1: same requests, signatures, answers and errors.</summary>
public sealed class AlibabaClientInteropTests : IClassFixture<AlibabaClientsFixture>, IAsyncLifetime
{
    private readonly AlibabaClientsFixture _clients;
    private readonly TempFolder _folder = new();
    private readonly FailingCommandInterceptor _database = new();
    private ConsoleServer _server = null!;

    public AlibabaClientInteropTests(AlibabaClientsFixture clients) => _clients = clients;

    public async Task InitializeAsync() => _server = await ConsoleServer.StartAsync(_folder.Path, configure: builder =>
        builder.Services.ConfigureDbContext<SqliteMediaDbContext>(options => options.AddInterceptors(_database)));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task A_mixed_batch_reaches_pop_core_as_alibaba_answers_it_and_really_deletes(string method)
    {
        var (editor, key) = await EditorWithKeyAsync();
        var colleague = await _server.CreateUserAsync(RoleNames.Editor);
        var ingestion = _server.Services.GetRequiredService<AssetIngestion>();
        var own = await ingestion.IngestAsync(Drafts.Video(editor, "Own"));
        var theirs = await ingestion.IngestAsync(Drafts.Video(colleague.Id, "Theirs"));
        var missing = VideoId.New();

        var answer = await _clients.PopCoreAsync(_server.ApiAddress, key.Id, key.Secret, method, "DeleteVideo", new { VideoIds = $"{own.Id},{theirs.Id},{missing}" });

        Assert.True(answer.GetProperty("ok").GetBoolean(), answer.ToString());
        var data = answer.GetProperty("data");
        Assert.Matches("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$", data.GetProperty("RequestId").GetString());
        Assert.Equal([theirs.Id], data.GetProperty("ForbiddenVideoIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([missing], data.GetProperty("NonExistVideoIds").EnumerateArray().Select(e => e.GetString()));
        Assert.False(data.TryGetProperty("Code", out _));

        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
        Assert.False(await db.MediaAssets.AnyAsync(a => a.Id == own.Id));
        Assert.Empty(await _server.StoredAfterRemovalAsync(own.Files.Select(f => f.StorageKey)));

        var audit = await db.DeletionAuditRecords.SingleAsync(r => r.RequestId == data.GetProperty("RequestId").GetString());
        Assert.Equal((Core.Audit.DeletionChannel.Api, key.Id), (audit.Channel, audit.AccessKeyId));
    }

    [Theory]
    [InlineData("pop-core", "too-many", "VideoIdsExceededMax", 400)]
    [InlineData("pop-core", "none", "MissingVideoIds", 400)]
    [InlineData("pop-core", "unknown", "InvalidVideo.NotFound", 404)]
    [InlineData("pop-core", "database-down", "DeleteVideoFailed", 503)]
    [InlineData("openapi-client", "too-many", "VideoIdsExceededMax", 400)]
    [InlineData("openapi-client", "none", "MissingVideoIds", 400)]
    [InlineData("openapi-client", "unknown", "InvalidVideo.NotFound", 404)]
    [InlineData("openapi-client", "database-down", "DeleteVideoFailed", 503)]
    public async Task Each_DeleteVideo_error_reaches_the_client_as_its_own_error_with_the_code(string client, string situation, string code, int status)
    {
        var (editor, key) = await EditorWithKeyAsync();
        var own = await _server.Services.GetRequiredService<AssetIngestion>().IngestAsync(Drafts.Video(editor, "Kept"));
        var videoIds = situation switch
        {
            "too-many" => string.Join(",", Enumerable.Range(0, 21).Select(_ => VideoId.New())),
            "none" => " , ",
            "unknown" => VideoId.New(),
            _ => own.Id,
        };
        if (situation == "database-down")
        {
            _database.FailWhenSqlContains = "DELETE FROM \"MediaAssets\"";
        }

        var answer = client == "pop-core"
            ? await _clients.PopCoreAsync(_server.ApiAddress, key.Id, key.Secret, "GET", "DeleteVideo", new { VideoIds = videoIds })
            : await _clients.OpenApiClientAsync(_server.ApiAddress, key.Id, key.Secret, "DeleteVideo", new { VideoIds = videoIds });
        _database.FailWhenSqlContains = null;

        Assert.False(answer.GetProperty("ok").GetBoolean());
        Assert.Equal((code, status), (answer.GetProperty("code").GetString(), answer.GetProperty("statusCode").GetInt32()));
        Assert.Equal(code, answer.GetProperty("data").GetProperty("Code").GetString());
        if (client == "pop-core")
        {
            Assert.Equal(code + "Error", answer.GetProperty("name").GetString());
        }
        else
        {
            Assert.StartsWith($"{code}: code: {status}, ", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        await using var scope = _server.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<MediaDbContext>().MediaAssets.AnyAsync(a => a.Id == own.Id));
    }

    [Fact]
    public async Task The_openapi_client_as_the_vod_client_calls_it_gets_the_mixed_batch_and_the_errors_as_its_own()
    {
        var (editor, key) = await EditorWithKeyAsync();
        var colleague = await _server.CreateUserAsync(RoleNames.Editor);
        var ingestion = _server.Services.GetRequiredService<AssetIngestion>();
        var own = await ingestion.IngestAsync(Drafts.Video(editor, "Own"));
        var theirs = await ingestion.IngestAsync(Drafts.Video(colleague.Id, "Theirs"));
        var missing = VideoId.New();

        var mixed = await _clients.OpenApiClientAsync(_server.ApiAddress, key.Id, key.Secret, "DeleteVideo", new { VideoIds = $"{own.Id},{theirs.Id},{missing}" });
        var tooMany = await _clients.OpenApiClientAsync(_server.ApiAddress, key.Id, key.Secret, "DeleteVideo", new { VideoIds = string.Join(",", Enumerable.Range(0, 21).Select(_ => VideoId.New())) });
        var badSecret = await _clients.OpenApiClientAsync(_server.ApiAddress, key.Id, "wrong", "DeleteVideo", new { VideoIds = missing });

        Assert.True(mixed.GetProperty("ok").GetBoolean(), mixed.ToString());
        Assert.Equal([theirs.Id], mixed.GetProperty("data").GetProperty("ForbiddenVideoIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([missing], mixed.GetProperty("data").GetProperty("NonExistVideoIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(("VideoIdsExceededMax", 400), (tooMany.GetProperty("code").GetString(), tooMany.GetProperty("statusCode").GetInt32()));
        Assert.StartsWith("VideoIdsExceededMax: code: 400, The VideoIds exceeded maximum.", tooMany.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("SignatureDoesNotMatch", badSecret.GetProperty("code").GetString());
        await using var scope = _server.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<MediaDbContext>().MediaAssets.AnyAsync(a => a.Id == own.Id));
    }

    [Fact]
    public async Task Scripts_find_ids_with_GetVideoList_GetVideoInfo_and_SearchMedia()
    {
        var (editor, key) = await EditorWithKeyAsync();
        var ingestion = _server.Services.GetRequiredService<AssetIngestion>();
        var harbour = await ingestion.IngestAsync(Drafts.Video(editor, "Harbour at dawn"));
        var blocked = await ingestion.IngestAsync(Drafts.Video(editor, "Harbour blocked", status: MediaStatus.Blocked));
        var other = await ingestion.IngestAsync(Drafts.Video(editor, "Mountain pass"));

        var list = await _clients.PopCoreAsync(_server.ApiAddress, key.Id, key.Secret, "GET", "GetVideoList", new { Status = "Normal", PageSize = 10, SortBy = "CreationTime:Asc" });
        var info = await _clients.PopCoreAsync(_server.ApiAddress, key.Id, key.Secret, "GET", "GetVideoInfo", new { VideoId = blocked.Id });
        var search = await _clients.PopCoreAsync(_server.ApiAddress, key.Id, key.Secret, "GET", "SearchMedia", new { SearchType = "video", Match = "Title = 'harbour' and Status in ('Normal','Blocked')" });
        var byIds = await _clients.PopCoreAsync(_server.ApiAddress, key.Id, key.Secret, "POST", "SearchMedia", new { Match = $"VideoId in ('{other.Id}','{harbour.Id}')" });
        var badMatch = await _clients.PopCoreAsync(_server.ApiAddress, key.Id, key.Secret, "GET", "SearchMedia", new { Match = "Title like '%x%' or 1=1" });
        var missing = await _clients.PopCoreAsync(_server.ApiAddress, key.Id, key.Secret, "GET", "GetVideoInfo", new { VideoId = VideoId.New() });

        Assert.True(list.GetProperty("ok").GetBoolean(), list.ToString());
        Assert.True(info.GetProperty("ok").GetBoolean(), info.ToString());
        Assert.True(search.GetProperty("ok").GetBoolean(), search.ToString());
        var listed = list.GetProperty("data");
        Assert.Equal(2, listed.GetProperty("Total").GetInt32());
        Assert.Equal([harbour.Id, other.Id], listed.GetProperty("VideoList").GetProperty("Video").EnumerateArray().Select(v => v.GetProperty("VideoId").GetString()));
        var video = info.GetProperty("data").GetProperty("Video");
        Assert.Equal(("Harbour blocked", "Blocked", blocked.TotalSizeBytes), (video.GetProperty("Title").GetString(), video.GetProperty("Status").GetString(), video.GetProperty("Size").GetInt64()));
        Assert.Equal($"https://cdn.example.test/vod/media/{blocked.Id}/snapshots/00.png", video.GetProperty("CoverURL").GetString());
        Assert.Equal(
            new[] { harbour.Id, blocked.Id }.Order(),
            search.GetProperty("data").GetProperty("MediaList").EnumerateArray().Select(m => m.GetProperty("MediaId").GetString()!).Order());
        Assert.Equal(2, byIds.GetProperty("data").GetProperty("Total").GetInt32());
        Assert.Equal(("InvalidParameter", 400), (badMatch.GetProperty("code").GetString(), badMatch.GetProperty("statusCode").GetInt32()));
        Assert.Contains("\"Match\"", badMatch.GetProperty("data").GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.Equal(("InvalidVideo.NotFound", 404), (missing.GetProperty("code").GetString(), missing.GetProperty("statusCode").GetInt32()));
    }

    [Fact]
    public async Task A_wrong_secret_is_SignatureDoesNotMatch_and_an_unknown_action_is_InvalidAction_NotFound()
    {
        var (_, key) = await EditorWithKeyAsync();

        var badSecret = await _clients.PopCoreAsync(_server.ApiAddress, key.Id, key.Secret + "x", "GET", "DeleteVideo", new { VideoIds = VideoId.New() });
        var unknownAction = await _clients.PopCoreAsync(_server.ApiAddress, key.Id, key.Secret, "GET", "DeleteEverything", new { });
        var unknownKey = await _clients.PopCoreAsync(_server.ApiAddress, "LTAInobody", "secret", "GET", "DeleteVideo", new { VideoIds = VideoId.New() });

        Assert.Equal(("SignatureDoesNotMatch", 400), (badSecret.GetProperty("code").GetString(), badSecret.GetProperty("statusCode").GetInt32()));
        Assert.Contains("server string to sign is:GET&%2F&AccessKeyId", badSecret.GetProperty("data").GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.Equal(("InvalidAction.NotFound", 404), (unknownAction.GetProperty("code").GetString(), unknownAction.GetProperty("statusCode").GetInt32()));
        Assert.Equal(("InvalidAccessKeyId.NotFound", 404), (unknownKey.GetProperty("code").GetString(), unknownKey.GetProperty("statusCode").GetInt32()));
    }

    [Fact]
    public async Task A_replayed_request_is_SignatureNonceUsed_an_old_timestamp_is_expired_and_another_version_is_refused()
    {
        var (_, key) = await EditorWithKeyAsync();
        using var http = new HttpClient { BaseAddress = _server.ApiAddress };
        var signed = SignedRequests.DeleteVideoQuery(key.Id, key.Secret, VideoId.New());
        var stale = SignedRequests.DeleteVideoQuery(key.Id, key.Secret, VideoId.New(), DateTime.UtcNow.AddMinutes(-20));

        var first = await CodeOfAsync(await http.GetAsync("/?" + signed));
        var replay = await CodeOfAsync(await http.GetAsync("/?" + signed));
        var expired = await CodeOfAsync(await http.GetAsync("/?" + stale));
        var wrongVersion = await CodeOfAsync(await http.GetAsync("/?" + SignedRequests.DeleteVideoQuery(key.Id, key.Secret, VideoId.New(), version: "2014-05-26")));

        Assert.Equal("InvalidVersion", wrongVersion);
        Assert.Equal("InvalidVideo.NotFound", first);
        Assert.Equal("SignatureNonceUsed", replay);
        Assert.Equal("InvalidTimeStamp.Expired", expired);
    }

    [Fact]
    public async Task Exactly_one_of_fifty_parallel_copies_of_a_signed_request_is_accepted()
    {
        var (editor, key) = await EditorWithKeyAsync();
        var asset = await _server.Services.GetRequiredService<AssetIngestion>().IngestAsync(Drafts.Video(editor, "Raced"));
        using var http = new HttpClient { BaseAddress = _server.ApiAddress };
        var signed = SignedRequests.DeleteVideoQuery(key.Id, key.Secret, asset.Id);

        var codes = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ => await CodeOfAsync(await http.GetAsync("/?" + signed))));

        Assert.Single(codes, c => c is null);
        Assert.Equal(49, codes.Count(c => c == "SignatureNonceUsed"));
    }

    [Fact]
    public async Task A_disabled_key_is_inactive_and_a_locked_out_owners_key_is_forbidden()
    {
        var (editorId, key) = await EditorWithKeyAsync();
        var keys = _server.Services.GetRequiredService<AccessKeyService>();
        var second = (await keys.CreateAsync(editorId, editorId)).Value;
        await keys.SetEnabledAsync(editorId, key.Id, false);

        var disabled = await _clients.PopCoreAsync(_server.ApiAddress, key.Id, key.Secret, "GET", "DeleteVideo", new { VideoIds = VideoId.New() });
        await _server.WithUsersAsync(async users => await users.SetLockoutEndDateAsync((await users.FindByIdAsync(editorId))!, DateTimeOffset.UtcNow.AddHours(1)));
        var locked = await _clients.PopCoreAsync(_server.ApiAddress, second.Id, second.Secret, "GET", "DeleteVideo", new { VideoIds = VideoId.New() });

        Assert.Equal(("InvalidAccessKeyId.Inactive", 400), (disabled.GetProperty("code").GetString(), disabled.GetProperty("statusCode").GetInt32()));
        Assert.Equal(("Forbidden", 403), (locked.GetProperty("code").GetString(), locked.GetProperty("statusCode").GetInt32()));
    }

    [Fact]
    public async Task The_api_port_answers_json_even_for_nonsense_and_serves_no_console_page()
    {
        using var http = new HttpClient { BaseAddress = _server.ApiAddress };

        var bare = await http.GetAsync("/");
        var page = await http.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.StartsWith("application/json", bare.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal("MissingParameter", JsonDocument.Parse(await bare.Content.ReadAsStringAsync()).RootElement.GetProperty("Code").GetString());
        Assert.Equal("MissingParameter", JsonDocument.Parse(await page.Content.ReadAsStringAsync()).RootElement.GetProperty("Code").GetString());
    }

    private async Task<(string EditorId, NewAccessKey Key)> EditorWithKeyAsync()
    {
        var editor = await _server.CreateUserAsync(RoleNames.Editor);
        var key = await _server.Services.GetRequiredService<AccessKeyService>().CreateAsync(editor.Id, editor.Id);
        return (editor.Id, key.Value);
    }


    private static async Task<string?> CodeOfAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.TryGetProperty("Code", out var code) ? code.GetString() : null;
    }
}
