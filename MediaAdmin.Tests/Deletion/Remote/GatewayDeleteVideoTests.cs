using System.Text.Json;
using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.AlibabaVod;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Deletion.Remote;

/// <summary>MediaAdmin's own DeleteVideo API on a host whose library is an ApsaraVideo VOD account: roles applied, then Alibaba called.</summary>
public sealed class GatewayDeleteVideoTests : RemoteLibraryTest
{
    private ConsoleServer _server = null!;

    protected override async Task StartAsync() => _server = await ConsoleServer.StartAsync(Folder.Path, Settings);

    protected override async Task StopAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_signed_DeleteVideo_gets_the_merged_answer_of_local_roles_and_Alibaba()
    {
        var mine = Library.Add(7, "News", "Harbour at dawn");
        var locked = Library.Add(7, "News", "Locked by RAM");
        var sports = Library.Add(9, "Sports", "Final whistle");
        var goneMeanwhile = Library.Add(7, "News", "Deleted by a colleague");
        await RemoteSource.MirrorAsync(_server.Services, mine.Video, locked.Video, sports.Video, goneMeanwhile.Video);
        Library.Refused[locked.Id] = true;
        Library.VanishBeforeDelete[goneMeanwhile.Id] = true;
        var unknown = Guid.NewGuid().ToString("N");
        var key = await EditorKeyAsync(grantedCategory: 7);

        var (status, body) = await DeleteVideoAsync(key, mine.Id, locked.Id, sports.Id, goneMeanwhile.Id, unknown);

        Assert.Equal(200, status);
        Assert.False(body.TryGetProperty("Code", out _));
        Assert.Equal(new[] { locked.Id, sports.Id }.Order(StringComparer.Ordinal), Ids(body, "ForbiddenVideoIds"));
        Assert.Equal(new[] { goneMeanwhile.Id, unknown }.Order(StringComparer.Ordinal), Ids(body, "NonExistVideoIds"));
        Assert.False(Library.Has(mine.Id));
        Assert.True(Library.Has(locked.Id));
        await using var db = await _server.Services.GetRequiredService<IDbContextFactory<Core.Data.MediaDbContext>>().CreateDbContextAsync();
        var audit = await db.DeletionAuditRecords.SingleAsync(r => r.RequestId == body.GetProperty("RequestId").GetString());
        Assert.Equal((Core.Audit.DeletionChannel.Api, key.Id, Library.DeleteRequestId), (audit.Channel, audit.AccessKeyId, audit.RemoteRequestId));
    }

    [Fact]
    public async Task Alibaba_failing_the_delete_reaches_the_script_as_DeleteVideoFailed_503()
    {
        var video = Library.Add(7, "News", "Evening news");
        await RemoteSource.MirrorAsync(_server.Services, video.Video);
        Vod.ReplyOnceTo("DeleteVideo", 503, """{"RequestId":"F-503","Code":"DeleteVideoFailed","Message":"Deleting video has failed due to some unknown error."}""");
        var key = await EditorKeyAsync(grantedCategory: 7);

        var (status, body) = await DeleteVideoAsync(key, video.Id);

        Assert.Equal(503, status);
        Assert.Equal("DeleteVideoFailed", body.GetProperty("Code").GetString());
        Assert.True(Library.Has(video.Id));
    }

    private async Task<NewAccessKey> EditorKeyAsync(long grantedCategory)
    {
        var editor = await _server.CreateUserAsync(RoleNames.Editor);
        await RemoteSource.GrantAsync(_server.Services, editor.Id, grantedCategory);
        return (await _server.Services.GetRequiredService<AccessKeyService>().CreateAsync(editor.Id, editor.Id)).Value;
    }

    private async Task<(int Status, JsonElement Body)> DeleteVideoAsync(NewAccessKey key, params string[] videoIds)
    {
        using var http = new HttpClient { BaseAddress = _server.ApiAddress };
        using var response = await http.GetAsync("/?" + SignedRequests.DeleteVideoQuery(key.Id, key.Secret, string.Join(",", videoIds)));
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static IEnumerable<string> Ids(JsonElement body, string name) =>
        body.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal);
}
