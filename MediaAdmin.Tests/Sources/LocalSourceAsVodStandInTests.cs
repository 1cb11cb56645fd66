using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources;

/// <summary>
/// A local-source MediaAdmin on loopback as ApsaraVideo VOD for another MediaAdmin: Core's own <see cref="VodClient"/>,
/// signed with an AccessKey, reads the library through the API port exactly as it reads Alibaba's.
/// </summary>
public sealed class LocalSourceAsVodStandInTests : ConsoleServerTest, IAsyncLifetime
{
    private static readonly DateTime Epoch = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private ServiceProvider _clients = null!;
    private VodAccount _account = null!;
    private string _adminId = null!;

    private VodClient Vod => _clients.GetRequiredService<VodClient>();

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var admin = await Server.CreateUserAsync(RoleNames.Administrator);
        _adminId = admin.Id;
        var key = (await Server.Services.GetRequiredService<AccessKeyService>().CreateAsync(admin.Id, admin.Id)).Value;
        _account = new VodAccount(Server.ApiAddress, "cn-shanghai", key.Id, key.Secret);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AlibabaVod:Resilience:RetryDelay"] = "00:00:00.010" })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddVodClient();
        _clients = services.BuildServiceProvider();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _clients.DisposeAsync();
        await DisposeAsync();
    }

    [Theory]
    [InlineData("CreationTime:Asc")]
    [InlineData("CreationTime:Desc")]
    [InlineData("ModificationTime:Asc")]
    public async Task A_ScrollToken_traversal_hands_out_each_of_260_assets_once_with_its_title_status_and_category(string sortBy)
    {
        var assets = await LibraryAsync(260);

        var seen = await TraverseAsync(new VodSearchRequest(SortBy: sortBy));

        Assert.Equal(assets.Count, seen.Count);
        Assert.Equal(assets.Count, seen.Select(v => v.VideoId).Distinct().Count());
        var expected = assets.OrderBy(a => sortBy.StartsWith("Modification", StringComparison.Ordinal) ? a.UpdatedAtUtc : a.CreatedAtUtc).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        if (sortBy.EndsWith(":Desc", StringComparison.Ordinal))
        {
            expected.Reverse();
        }

        Assert.Equal(expected.Select(a => a.Id), seen.Select(v => v.VideoId));
        var categories = await CategoryNamesAsync();
        Assert.All(seen.Zip(expected), pair =>
        {
            var (video, asset) = pair;
            Assert.Equal((asset.Title, asset.Status, asset.CategoryId), (video.Title, video.MediaStatus, video.CateId));
            Assert.Equal(asset.CategoryId is { } id ? categories[id] : null, video.CateName);
        });
    }

    [Fact]
    public async Task Assets_deleted_and_added_between_pages_neither_skip_nor_repeat_those_that_stayed()
    {
        var assets = await LibraryAsync(250);
        var first = await Vod.SearchMediaAsync(_account, new VodSearchRequest());
        Assert.True(first.IsSuccess, first.Error?.ToString());
        var firstIds = first.Value.Videos.Select(v => v.VideoId).ToList();
        var unread = assets.Select(a => a.Id).Except(firstIds).ToList();
        var deleted = firstIds.Take(5).Concat(unread.Skip(7).Take(15)).ToList();

        var removed = await Vod.DeleteVideoAsync(_account, deleted);
        var added = await Server.Services.GetRequiredService<AssetIngestion>().IngestManyAsync(
            [Draft("Added late", Epoch.AddDays(30)), Draft("Added before the position", Epoch.AddSeconds(-1))]);
        var rest = await TraverseAsync(new VodSearchRequest(), first.Value.ScrollToken);

        Assert.True(removed.IsSuccess, removed.Error?.ToString());
        Assert.Empty(removed.Value.NonExistVideoIds);
        var all = firstIds.Concat(rest.Select(v => v.VideoId)).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        var stayed = assets.Select(a => a.Id).Except(deleted).ToList();
        Assert.Empty(stayed.Except(all));
        Assert.Empty(rest.Select(v => v.VideoId).Intersect(deleted));
        Assert.Contains(added[0].Id, all);
        Assert.DoesNotContain(added[1].Id, all);
    }

    [Fact]
    public async Task GetVideoInfos_answers_the_existing_ids_as_Alibaba_describes_them_and_names_the_missing_ones()
    {
        var assets = await LibraryAsync(3);
        var unknown = VideoId.New();

        var reply = await Vod.GetVideoInfosAsync(_account, [assets[2].Id, unknown, assets[0].Id, "not-an-id", assets[1].Id]);

        Assert.True(reply.IsSuccess, reply.Error?.ToString());
        Assert.Equal([assets[2].Id, assets[0].Id, assets[1].Id], reply.Value.Videos.Select(v => v.VideoId));
        Assert.Equal([unknown, "not-an-id"], reply.Value.NonExistVideoIds);
        var video = reply.Value.Videos[1];
        var asset = assets[0];
        Assert.Equal((asset.Title, asset.Status, asset.CategoryId, asset.TotalSizeBytes, 61.5), (video.Title, video.MediaStatus, video.CateId, video.SizeBytes, video.DurationSeconds));
        Assert.Equal($"https://cdn.example.test/vod/media/{asset.Id}/snapshots/00.png", video.CoverUrl);
        Assert.Equal([$"https://cdn.example.test/vod/media/{asset.Id}/snapshots/00.png", $"https://cdn.example.test/vod/media/{asset.Id}/snapshots/01.png"], video.SnapshotUrls);
        Assert.Equal(asset.CreatedAtUtc, video.CreatedAtUtc);
    }

    [Fact]
    public async Task GetVideoInfos_refuses_more_than_20_ids_and_none_and_answers_only_missing_ids_as_missing()
    {
        var tooMany = string.Join(",", Enumerable.Range(0, 21).Select(_ => VideoId.New()));

        var refused = await CallAsync("GetVideoInfos", new Dictionary<string, string> { ["VideoIds"] = tooMany });
        var none = await CallAsync("GetVideoInfos", new Dictionary<string, string> { ["VideoIds"] = " , " });
        var allMissing = await Vod.GetVideoInfosAsync(_account, [VideoId.New()]);

        Assert.Equal(("VideoIdsExceededMax", 400), (refused.Error?.Code, refused.Error?.HttpStatus));
        Assert.Equal(("MissingParameter", 400), (none.Error?.Code, none.Error?.HttpStatus));
        Assert.Contains("\"VideoIds\"", none.Error?.Message, StringComparison.Ordinal);
        Assert.True(allMissing.IsSuccess, allMissing.Error?.ToString());
        Assert.Empty(allMissing.Value.Videos);
        Assert.Single(allMissing.Value.NonExistVideoIds);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("not-base64")]
    [InlineData("altered")]
    [InlineData("other-sort")]
    public async Task A_ScrollToken_that_was_not_issued_as_it_is_sent_is_InvalidParameter_naming_ScrollToken(string kind)
    {
        await LibraryAsync(3);
        var first = await Vod.SearchMediaAsync(_account, new VodSearchRequest(PageSize: 2));
        var token = first.Value.ScrollToken!;
        var request = kind switch
        {
            "garbage" => new VodSearchRequest(ScrollToken: "0123456789abcdef0123456789abcdef"),
            "not-base64" => new VodSearchRequest(ScrollToken: "%*' or 1=1 --"),
            "altered" => new VodSearchRequest(ScrollToken: token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..]),
            _ => new VodSearchRequest(ScrollToken: token, SortBy: "CreationTime:Desc"),
        };

        var reply = await Vod.SearchMediaAsync(_account, request);

        Assert.Equal(("InvalidParameter", 400), (reply.Error?.Code, reply.Error?.HttpStatus));
        Assert.Contains("\"ScrollToken\"", reply.Error!.Message, StringComparison.Ordinal);
        var again = await Vod.SearchMediaAsync(_account, new VodSearchRequest(PageSize: 2, ScrollToken: token));
        Assert.Single(again.Value.Videos);
    }

    [Fact]
    public async Task A_ModificationTime_range_in_ModificationTime_order_reads_only_what_changed_since()
    {
        var assets = await LibraryAsync(30);
        var since = Epoch.AddDays(10);
        var changed = assets.Where((_, i) => i % 6 == 1).Select(a => a.Id).ToList();
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
            var step = 0;
            foreach (var id in changed.AsEnumerable().Reverse())
            {
                var at = since.AddMinutes(step++);
                await db.MediaAssets.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UpdatedAtUtc, at));
            }
        }

        var modified = await TraverseAsync(new VodSearchRequest(Match: $"ModificationTime = ('{Rpc(since)}','')", SortBy: "ModificationTime:Asc", PageSize: 2));
        var created = await TraverseAsync(new VodSearchRequest(Match: $"CreationTime = ('{Rpc(assets[3].CreatedAtUtc)}','{Rpc(assets[5].CreatedAtUtc)}')"));

        Assert.Equal(changed.AsEnumerable().Reverse(), modified.Select(v => v.VideoId));
        Assert.All(modified, v => Assert.True(v.ModifiedAtUtc >= since));
        var (from, to) = (assets[3].CreatedAtUtc, assets[5].CreatedAtUtc);
        Assert.Equal(
            assets.Where(a => a.CreatedAtUtc >= from && a.CreatedAtUtc <= to).Select(a => a.Id).Order(StringComparer.Ordinal),
            created.Select(v => v.VideoId).Order(StringComparer.Ordinal));
        Assert.Equal(4, created.Count);
    }

    [Fact]
    public async Task GetPlayInfo_hands_the_client_every_stream_url_of_the_asset()
    {
        var asset = await Server.Services.GetRequiredService<AssetIngestion>().IngestAsync(Drafts.Video(_adminId, "Played", streams: 3));

        var reply = await Vod.GetPlayInfoAsync(_account, asset.Id);

        Assert.True(reply.IsSuccess, reply.Error?.ToString());
        Assert.Equal(
            asset.Files.Where(f => f.Kind == MediaFileKind.Stream).Select(f => f.CdnUrl).Order(StringComparer.Ordinal),
            reply.Value.Select(p => p.PlayUrl).Order(StringComparer.Ordinal));
        Assert.Equal(["HD", "LD", "SD"], reply.Value.Select(p => p.Definition!).Order(StringComparer.Ordinal));
        Assert.All(reply.Value, p => Assert.Equal("mp4", p.Format));
    }

    private static string Rpc(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every page from <paramref name="scrollToken"/> on (the start when null) until a page comes back empty.</summary>
    private async Task<List<VodRemoteVideo>> TraverseAsync(VodSearchRequest request, string? scrollToken = null)
    {
        var videos = new List<VodRemoteVideo>();
        for (var pages = 0; pages < 1_000; pages++)
        {
            var page = await Vod.SearchMediaAsync(_account, request with { ScrollToken = scrollToken });
            Assert.True(page.IsSuccess, page.Error?.ToString());
            if (page.Value.Videos.Count == 0)
            {
                Assert.Null(page.Value.ScrollToken);
                return videos;
            }

            videos.AddRange(page.Value.Videos);
            scrollToken = page.Value.ScrollToken;
            Assert.False(string.IsNullOrEmpty(scrollToken));
        }

        throw new InvalidOperationException("The traversal never reached an empty page.");
    }

    private async Task<VodReply<System.Text.Json.JsonElement>> CallAsync(string action, Dictionary<string, string> parameters) =>
        await Vod.CallAsync(_account, action, parameters);

    /// <summary>
    /// <paramref name="count"/> videos in three categories (some in none), of mixed statuses, created in pairs at the
    /// same second so ties are broken by ID, and modified in another order than created.
    /// </summary>
    private async Task<List<MediaAsset>> LibraryAsync(int count)
    {
        var categories = new List<Category> { new() { Name = "News" }, new() { Name = "Sport" }, new() { Name = "Archive" } };
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
            db.Categories.AddRange(categories);
            await db.SaveChangesAsync();
        }

        MediaStatus[] statuses = [MediaStatus.Normal, MediaStatus.Blocked, MediaStatus.Transcoding, MediaStatus.UploadSucc];
        var drafts = Enumerable.Range(0, count).Select(i => Draft($"Clip {i:000}", Epoch.AddSeconds(i / 2 * 7)) with
        {
            Status = statuses[i % statuses.Length],
            CategoryId = i % 4 == 3 ? null : categories[i % 3].Id,
        }).ToList();
        var assets = await Server.Services.GetRequiredService<AssetIngestion>().IngestManyAsync(drafts);
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
            foreach (var (asset, i) in assets.Select((a, i) => (a, i)))
            {
                var modified = Epoch.AddDays(1).AddSeconds((count - i) * 3 % count);
                asset.UpdatedAtUtc = modified;
                await db.MediaAssets.Where(a => a.Id == asset.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UpdatedAtUtc, modified));
            }
        }

        return [.. assets];
    }

    private async Task<Dictionary<long, string>> CategoryNamesAsync()
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediaDbContext>().Categories.ToDictionaryAsync(c => c.Id, c => c.Name);
    }

    private AssetDraft Draft(string title, DateTime createdAtUtc) =>
        Drafts.Video(_adminId, title, streams: 1, snapshots: 2) with { CreatedAtUtc = createdAtUtc };
}
