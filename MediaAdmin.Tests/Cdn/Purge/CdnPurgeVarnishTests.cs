using System.Net;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Cdn.UrlAuth;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn.Purge;

/// <summary>
/// A real Varnish running the shipped VCL in front of the console's /cdn origin, with Cdn:BaseUrl at the edge:
/// the edge keeps serving a deleted asset's files until MediaAdmin purges it, and the probe proves it stopped.
/// </summary>
public sealed class CdnPurgeVarnishTests(VarnishEdge edge) : IClassFixture<VarnishEdge>, IDisposable
{
    private const string UrlAuthKey = "EdgeAndConsoleKey2026";

    private readonly TempFolder _folder = new();
    private readonly HttpClient _viewer = new();

    [Fact]
    public async Task Purge_per_url_makes_varnish_drop_a_deleted_assets_files_and_the_probe_verifies_it()
    {
        await using var console = await StartConsoleAsync(edge.Address);
        var (editorId, asset) = await AddCachedAssetAsync(console);

        var requestId = await DeleteAndSeeTheEdgeStillServeAsync(console, editorId, asset);
        var queued = await console.Services.GetRequiredService<CdnPurgeService>().RefreshNowAsync(editorId, [requestId]);

        Assert.Equal([requestId], queued.Value.Queued);
        var verified = await PurgeFixtures.WaitForAsync(console.Services, editorId, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);
        Assert.Equal(CdnPurgeState.Verified, verified.Summary.State);
        Assert.All(verified.Urls.Where(u => !u.IsFolder), u => Assert.True(u.Accepted));
        Assert.All(verified.Urls.Where(u => u.IsFolder), u => Assert.Null(u.Accepted));
        await AssertEdgeAnswersNotFoundAsync(asset);
    }

    [Fact]
    public async Task With_url_authentication_a_purge_per_url_drops_the_one_object_every_signed_url_was_served_from()
    {
        await using var console = await StartConsoleAsync(edge.Address, urlAuthKey: UrlAuthKey);
        var signer = console.Services.GetRequiredService<CdnUrlSigner>();
        var signed = new Dictionary<string, string>();
        string ViewersUrl(MediaFile file) => signed.TryGetValue(file.StorageKey, out var url) ? url : signed[file.StorageKey] = signer.Sign(file.CdnUrl);
        var (editorId, asset) = await AddCachedAssetAsync(console, ViewersUrl);
        var cached = CachedFiles(asset, signed: true).ToList();
        foreach (var file in cached)
        {
            using var otherSignature = await _viewer.GetAsync(new Uri(SignedWithRand(file.CdnUrl, "7")));
            using var extraParameter = await _viewer.GetAsync(new Uri(ViewersUrl(file) + "&v=1"));
            using var unsigned = await _viewer.GetAsync(new Uri(file.CdnUrl));

            Assert.Equal("HIT", otherSignature.Headers.GetValues("X-Cache").Single());
            Assert.Equal("HIT", extraParameter.Headers.GetValues("X-Cache").Single());
            Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        }

        var requestId = await DeleteAndSeeTheEdgeStillServeAsync(console, editorId, asset, ViewersUrl);
        await console.Services.GetRequiredService<CdnPurgeService>().RefreshNowAsync(editorId, [requestId]);

        var verified = await PurgeFixtures.WaitForAsync(console.Services, editorId, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);
        Assert.True(verified.Summary.State == CdnPurgeState.Verified, verified.Summary.Error);
        foreach (var file in cached)
        {
            using var gone = await _viewer.GetAsync(new Uri(ViewersUrl(file)));
            using var goneWithExtraParameter = await _viewer.GetAsync(new Uri(ViewersUrl(file) + "&v=1"));
            Assert.Contains(gone.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
            Assert.Contains(goneWithExtraParameter.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        }
    }

    [Fact]
    public async Task Ban_per_prefix_purges_the_whole_asset_folder_with_one_request_and_the_probe_verifies_it()
    {
        await using var console = await StartConsoleAsync(edge.Address, banPrefix: true);
        var (editorId, asset) = await AddCachedAssetAsync(console);
        var requestId = await DeleteAndSeeTheEdgeStillServeAsync(console, editorId, asset);

        await console.Services.GetRequiredService<CdnPurgeService>().RefreshNowAsync(editorId, [requestId]);

        var verified = await PurgeFixtures.WaitForAsync(console.Services, editorId, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);
        Assert.Equal(CdnPurgeState.Verified, verified.Summary.State);
        var folder = Assert.Single(verified.Urls, u => u.Accepted is not null);
        Assert.True(folder.IsFolder);
        Assert.EndsWith($"/cdn/media/{asset.Id}/", folder.Url, StringComparison.Ordinal);
        await AssertEdgeAnswersNotFoundAsync(asset);
    }

    [Fact]
    public async Task A_purge_sent_while_the_edge_is_down_is_retried_through_a_restart_and_verified_once_the_edge_is_back()
    {
        await using var relay = new TcpRelay(edge.Address.Port);
        string editorId;
        string requestId;
        MediaAsset asset;
        await using (var first = await StartConsoleAsync(relay.Address, automatic: true))
        {
            (editorId, asset) = await AddCachedAssetAsync(first);
            requestId = await DeleteAndSeeTheEdgeStillServeAsync(first, editorId, asset);
            var retrying = await PurgeFixtures.WaitForAsync(first.Services, editorId, requestId, d => d.Summary.Attempts >= 2);
            Assert.Equal(CdnPurgeState.Purging, retrying.Summary.State);
            Assert.Contains("could not be reached", retrying.Summary.Error, StringComparison.Ordinal);
        }

        await using var second = await StartConsoleAsync(relay.Address, automatic: true);
        await AssertEdgeStillServesAsync(asset);
        relay.Start();

        var verified = await PurgeFixtures.WaitForAsync(second.Services, editorId, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);
        Assert.Equal(CdnPurgeState.Verified, verified.Summary.State);
        Assert.True(verified.Summary.Attempts >= 3);
        await AssertEdgeAnswersNotFoundAsync(asset);
    }

    [Fact]
    public async Task An_edge_that_acknowledges_purges_but_keeps_serving_ends_failed_after_verify_for_naming_the_urls_still_served()
    {
        await using var liar = await FakeEdge.StartAsync();
        await using var console = await StartConsoleAsync(liar.Address, verifyFor: "00:00:02");
        var (editorId, asset) = await AddCachedAssetAsync(console);
        var requestId = await DeleteAndSeeTheEdgeStillServeAsync(console, editorId, asset);

        await console.Services.GetRequiredService<CdnPurgeService>().RefreshNowAsync(editorId, [requestId]);

        var failed = await PurgeFixtures.WaitForAsync(console.Services, editorId, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);
        Assert.Equal(CdnPurgeState.Failed, failed.Summary.State);
        Assert.NotEmpty(liar.Purges);
        var stillServed = failed.Urls.Where(u => u.Probed).ToList();
        Assert.Equal(4 + 2, stillServed.Count);
        Assert.All(stillServed, u =>
        {
            Assert.Equal(200, u.ProbeStatus);
            Assert.Contains(u.Url, failed.Summary.Error, StringComparison.Ordinal);
        });
        Assert.StartsWith("6 URL(s) still answer", failed.Summary.Error, StringComparison.Ordinal);
        Assert.True(failed.Summary.IsOpen);
        await AssertEdgeStillServesAsync(asset);
    }

    public void Dispose()
    {
        _viewer.Dispose();
        _folder.Dispose();
    }

    private async Task<ConsoleServer> StartConsoleAsync(Uri purgeTo, bool automatic = false, bool banPrefix = false, string verifyFor = "00:01:00", string? urlAuthKey = null)
    {
        var settings = PurgeFixtures.QuickPurge(edge.Address, purgeTo, automatic, banPrefix, verifyFor);
        settings["Cdn:UrlAuth:PrivateKey"] = urlAuthKey;
        var console = await ConsoleServer.StartAsync(_folder.Path, settings);
        await edge.UseOriginAsync(console.BaseAddress);
        return console;
    }

    /// <summary>
    /// The files the edge may cache: all of them, but with URL authentication not the playlists, which the origin
    /// signs per request and marks private.
    /// </summary>
    private static IEnumerable<MediaFile> CachedFiles(MediaAsset asset, bool signed) =>
        asset.Files.Where(f => !signed || f.Format != "m3u8");

    /// <summary>The file's public URL signed as the console signs it, but with another rand: another URL for the same file.</summary>
    private static string SignedWithRand(string url, string rand)
    {
        var issued = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"{url}?{TypeAAuthKey.ParameterName}={TypeAAuthKey.Sign(new Uri(url).AbsolutePath, issued, rand, "0", UrlAuthKey)}";
    }

    /// <summary>An HLS asset whose every file a viewer fetched through the edge, so the edge holds each one (X-Cache: HIT).</summary>
    private async Task<(string EditorId, MediaAsset Asset)> AddCachedAssetAsync(ConsoleServer console, Func<MediaFile, string>? urlOf = null)
    {
        urlOf ??= f => f.CdnUrl;
        var editor = await console.CreateUserAsync(RoleNames.Editor);
        var asset = await console.Services.GetRequiredService<AssetIngestion>().IngestAsync(PurgeFixtures.HlsVideo(editor.Id));
        foreach (var file in asset.Files)
        {
            using var first = await _viewer.GetAsync(new Uri(urlOf(file)));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await AssertEdgeStillServesAsync(asset, urlOf);
        return (editor.Id, asset);
    }

    /// <summary>Deletes the asset; the origin no longer has its files, yet the edge serves every one from its cache.</summary>
    private async Task<string> DeleteAndSeeTheEdgeStillServeAsync(ConsoleServer console, string editorId, MediaAsset asset, Func<MediaFile, string>? urlOf = null)
    {
        var deletion = await console.Services.GetRequiredService<VideoDeletionService>().DeleteAsync(new DeletionCaller(editorId, DeletionChannel.Console), asset.Id);
        Assert.True(deletion.Succeeded);
        using var origin = console.CreateClient();
        foreach (var file in asset.Files)
        {
            var path = urlOf is null ? "/cdn/" + file.StorageKey : new Uri(urlOf(file)).PathAndQuery;
            using var fromOrigin = await origin.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, fromOrigin.StatusCode);
        }

        await AssertEdgeStillServesAsync(asset, urlOf);
        return deletion.RequestId;
    }

    private async Task AssertEdgeStillServesAsync(MediaAsset asset, Func<MediaFile, string>? urlOf = null)
    {
        foreach (var file in CachedFiles(asset, signed: urlOf is not null))
        {
            using var cached = await _viewer.GetAsync(new Uri((urlOf ?? (f => f.CdnUrl))(file)));
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.Equal("HIT", cached.Headers.GetValues("X-Cache").Single());
        }
    }

    private async Task AssertEdgeAnswersNotFoundAsync(MediaAsset asset)
    {
        foreach (var file in asset.Files)
        {
            using var gone = await _viewer.GetAsync(new Uri(file.CdnUrl));
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
    }
}
