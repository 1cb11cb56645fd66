using System.Text.Json;
using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Api;

/// <summary>Alibaba's own clients read the library the way a mirror does: a ScrollToken traversal, then GetVideoInfos.</summary>
public sealed class AlibabaClientTraversalInteropTests(AlibabaClientsFixture clients) : ConsoleServerTest, IClassFixture<AlibabaClientsFixture>
{
    [Theory]
    [InlineData("pop-core")]
    [InlineData("openapi-client")]
    public async Task A_ScrollToken_traversal_reads_every_asset_once_and_GetVideoInfos_reads_them_back(string client)
    {
        var (editorId, key) = await EditorWithKeyAsync();
        var created = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        var assets = await Server.Services.GetRequiredService<AssetIngestion>().IngestManyAsync(
            Enumerable.Range(0, 7).Select(i => Drafts.Video(editorId, $"Reel {i}", streams: 1, snapshots: 1) with { CreatedAtUtc = created.AddMinutes(i) }).ToList());

        var seen = new List<string>();
        string? token = null;
        for (var page = 0; page < 10; page++)
        {
            var parameters = new Dictionary<string, string> { ["SearchType"] = "video", ["PageSize"] = "3", ["SortBy"] = "CreationTime:Asc" };
            if (token is not null)
            {
                parameters["ScrollToken"] = token;
            }

            var answer = await CallAsync(client, key, "SearchMedia", parameters);
            Assert.True(answer.GetProperty("ok").GetBoolean(), answer.ToString());
            var items = answer.GetProperty("data").GetProperty("MediaList").EnumerateArray().ToList();
            if (items.Count == 0)
            {
                Assert.False(answer.GetProperty("data").TryGetProperty("ScrollToken", out _));
                break;
            }

            seen.AddRange(items.Select(m => m.GetProperty("Video").GetProperty("VideoId").GetString()!));
            token = answer.GetProperty("data").GetProperty("ScrollToken").GetString();
        }

        var unknown = VideoId.New();
        var infos = await CallAsync(client, key, "GetVideoInfos", new Dictionary<string, string> { ["VideoIds"] = $"{assets[4].Id},{unknown},{assets[1].Id}" });
        var forged = await CallAsync(client, key, "SearchMedia", new Dictionary<string, string> { ["ScrollToken"] = token + "x" });

        Assert.Equal(assets.Select(a => a.Id), seen);
        Assert.True(infos.GetProperty("ok").GetBoolean(), infos.ToString());
        var videos = infos.GetProperty("data").GetProperty("VideoList").EnumerateArray().ToList();
        Assert.Equal([assets[4].Id, assets[1].Id], videos.Select(v => v.GetProperty("VideoId").GetString()));
        Assert.Equal(["Reel 4", "Reel 1"], videos.Select(v => v.GetProperty("Title").GetString()));
        Assert.Equal(JsonValueKind.Array, videos[0].GetProperty("Snapshots").ValueKind);
        Assert.Equal([unknown], infos.GetProperty("data").GetProperty("NonExistVideoIds").EnumerateArray().Select(e => e.GetString()));
        Assert.False(forged.GetProperty("ok").GetBoolean());
        Assert.Equal(("InvalidParameter", 400), (forged.GetProperty("code").GetString(), forged.GetProperty("statusCode").GetInt32()));
        Assert.Contains("\"ScrollToken\"", forged.GetProperty("data").GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageNo_counted_beside_a_ScrollToken_as_Alibabas_sample_does_is_no_depth_limit()
    {
        var (editorId, key) = await EditorWithKeyAsync();
        await Server.Services.GetRequiredService<AssetIngestion>().IngestManyAsync(
            Enumerable.Range(0, 3).Select(i => Drafts.Video(editorId, $"Deep {i}", streams: 1, snapshots: 1)).ToList());
        var first = await CallAsync("pop-core", key, "SearchMedia", new Dictionary<string, string> { ["PageSize"] = "2", ["PageNo"] = "1" });
        var token = first.GetProperty("data").GetProperty("ScrollToken").GetString()!;

        var deep = await CallAsync("pop-core", key, "SearchMedia", new Dictionary<string, string> { ["PageSize"] = "100", ["PageNo"] = "51", ["ScrollToken"] = token });
        var deepWithoutToken = await CallAsync("pop-core", key, "SearchMedia", new Dictionary<string, string> { ["PageSize"] = "100", ["PageNo"] = "51" });

        Assert.True(deep.GetProperty("ok").GetBoolean(), deep.ToString());
        Assert.Single(deep.GetProperty("data").GetProperty("MediaList").EnumerateArray());
        Assert.Equal(("InvalidParameter", 400), (deepWithoutToken.GetProperty("code").GetString(), deepWithoutToken.GetProperty("statusCode").GetInt32()));
        Assert.Contains("\"PageNo\"", deepWithoutToken.GetProperty("data").GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    private Task<JsonElement> CallAsync(string client, NewAccessKey key, string action, Dictionary<string, string> parameters) =>
        client == "pop-core"
            ? clients.PopCoreAsync(Server.ApiAddress, key.Id, key.Secret, "GET", action, parameters)
            : clients.OpenApiClientAsync(Server.ApiAddress, key.Id, key.Secret, action, parameters);

    private async Task<(string EditorId, NewAccessKey Key)> EditorWithKeyAsync()
    {
        var editor = await Server.CreateUserAsync(RoleNames.Editor);
        var key = await Server.Services.GetRequiredService<AccessKeyService>().CreateAsync(editor.Id, editor.Id);
        return (editor.Id, key.Value);
    }
}
