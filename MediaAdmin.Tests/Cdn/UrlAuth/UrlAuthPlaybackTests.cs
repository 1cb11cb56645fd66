using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Cdn.UrlAuth;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn.UrlAuth;

/// <summary>Really transcoded media behind URL authentication: what the console and the VOD API hand out plays through.</summary>
public sealed partial class UrlAuthPlaybackTests : UrlAuthServerTest
{
    [Fact]
    public async Task A_signed_master_playlist_leads_to_signed_variants_init_sections_and_segments_that_are_all_served()
    {
        var editor = await Server.CreateUserAsync(RoleNames.Editor);
        var asset = await TranscodedClips.AddVideoAsync(Server.Services.GetRequiredService<AssetIngestion>(), editor.Id, "Private harbour");
        var preview = await Server.Services.GetRequiredService<AssetPreviewService>().GetAsync(editor.Id, asset.Id);

        var fetched = await FollowAsync(new Uri(Server.BaseAddress, "/" + preview.Value.HlsMaster!.ConsoleUrl));

        Assert.Contains(fetched, url => url.AbsolutePath.EndsWith("/init.mp4", StringComparison.Ordinal));
        Assert.Contains(fetched, url => url.AbsolutePath.EndsWith(".m4s", StringComparison.Ordinal));
        Assert.All(fetched, url => Assert.Contains("auth_key=", url.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sprite_index_names_its_tiles_with_signed_urls_that_are_served()
    {
        var editor = await Server.CreateUserAsync(RoleNames.Editor);
        var asset = await TranscodedClips.AddVideoAsync(Server.Services.GetRequiredService<AssetIngestion>(), editor.Id, "Private storyboard");
        var preview = await Server.Services.GetRequiredService<AssetPreviewService>().GetAsync(editor.Id, asset.Id);
        var indexUrl = new Uri(Server.BaseAddress, "/" + preview.Value.SpriteIndex!.ConsoleUrl);

        var index = await Client.GetStringAsync(indexUrl);
        var tiles = SpriteTile().Matches(index).Select(m => new Uri(indexUrl, m.Value)).ToList();

        Assert.NotEmpty(tiles);
        foreach (var tile in tiles)
        {
            using var response = await Client.GetAsync(tile);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task GetPlayInfo_and_GetVideoInfo_hand_out_signed_urls_the_origin_serves_while_stored_urls_stay_plain()
    {
        var editor = await Server.CreateUserAsync(RoleNames.Editor);
        var key = (await Server.Services.GetRequiredService<AccessKeyService>().CreateAsync(editor.Id, editor.Id)).Value;
        var asset = await TranscodedClips.AddVideoAsync(Server.Services.GetRequiredService<AssetIngestion>(), editor.Id, "Private API");

        var playInfo = await CallAsync(key, "GetPlayInfo", asset.Id);
        var videoInfo = await CallAsync(key, "GetVideoInfo", asset.Id);
        var handedOut = playInfo.GetProperty("PlayInfoList").GetProperty("PlayInfo").EnumerateArray().Select(s => s.GetProperty("PlayURL").GetString()!)
            .Append(playInfo.GetProperty("VideoBase").GetProperty("CoverURL").GetString()!)
            .Append(videoInfo.GetProperty("Video").GetProperty("CoverURL").GetString()!)
            .Concat(videoInfo.GetProperty("Video").GetProperty("Snapshots").GetProperty("Snapshot").EnumerateArray().Select(s => s.GetString()!))
            .ToList();

        // Three streams, GetPlayInfo's cover, GetVideoInfo's cover and its snapshots (the cover among them).
        Assert.True(handedOut.Count >= 7, string.Join(", ", handedOut));
        foreach (var url in handedOut)
        {
            Assert.StartsWith($"https://cdn.example.test/vod/media/{asset.Id}/", url, StringComparison.Ordinal);
            Assert.Contains("?auth_key=", url, StringComparison.Ordinal);

            // The edge forwards the path under /vod to this origin's /cdn with the query string, as a CDN in front of it does.
            using var response = await Client.GetAsync("/cdn/" + url["https://cdn.example.test/vod/".Length..]);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        await using var db = await Server.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContextAsync();
        Assert.All(await db.MediaFiles.Where(f => f.AssetId == asset.Id).Select(f => f.CdnUrl).ToListAsync(), url => Assert.DoesNotContain("auth_key", url, StringComparison.Ordinal));
    }

    /// <summary>Fetches a playlist and, depth first, everything it names; every answer must be 200. Returns what it fetched.</summary>
    private async Task<List<Uri>> FollowAsync(Uri url)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        var fetched = new List<Uri> { url };
        if (!url.AbsolutePath.EndsWith(".m3u8", StringComparison.Ordinal))
        {
            return fetched;
        }

        Assert.Equal("private", response.Headers.CacheControl?.ToString());
        foreach (Match reference in PlaylistReference().Matches(body))
        {
            var target = reference.Groups["line"].Success ? reference.Groups["line"].Value : reference.Groups["attribute"].Value;
            fetched.AddRange(await FollowAsync(new Uri(url, target.Trim())));
        }

        return fetched;
    }

    private async Task<JsonElement> CallAsync(NewAccessKey key, string action, string videoId)
    {
        using var http = new HttpClient { BaseAddress = Server.ApiAddress };
        using var answer = await http.GetAsync("/?" + SignedRequests.Query(key.Id, key.Secret, action, new Dictionary<string, string> { ["VideoId"] = videoId }));
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, text);
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    [GeneratedRegex(@"^(?<line>[^#\r\n][^\r\n]*)|URI=""(?<attribute>[^""]*)""", RegexOptions.Multiline)]
    private static partial Regex PlaylistReference();

    [GeneratedRegex(@"^[^\s#]+\.jpg\?auth_key=[^\s#]+", RegexOptions.Multiline)]
    private static partial Regex SpriteTile();
}
