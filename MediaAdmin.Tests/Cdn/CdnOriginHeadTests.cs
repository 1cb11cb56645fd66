using System.Net;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Cdn.Purge;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn;

/// <summary>
/// HEAD on /cdn, as the purge probe and edges forwarding a HEAD miss send it: the same answer as GET without the body.
/// </summary>
public sealed class CdnOriginHeadTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Head_of_a_stored_file_is_200_with_its_length_and_type_and_no_body()
    {
        await using var console = await ConsoleServer.StartAsync(_folder.Path);
        var file = (await AddAssetAsync(console)).Files.First(f => f.Format == "mp4" && f.Kind == MediaFileKind.Stream);
        using var client = console.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/cdn/{file.StorageKey}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(file.SizeBytes, response.Content.Headers.ContentLength);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Head_of_a_deleted_assets_file_is_404()
    {
        await using var console = await ConsoleServer.StartAsync(_folder.Path);
        var asset = await AddAssetAsync(console);
        var deletion = await console.Services.GetRequiredService<VideoDeletionService>().DeleteAsync(new DeletionCaller(asset.OwnerId, DeletionChannel.Console), asset.Id);
        Assert.True(deletion.Succeeded);
        using var client = console.CreateClient();

        foreach (var file in asset.Files)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/cdn/{file.StorageKey}"));

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_purge_whose_probe_reaches_the_console_itself_ends_verified()
    {
        await using var purgeTaker = await FakeEdge.StartAsync();
        var ports = ConsolePorts.Free();
        var settings = PurgeFixtures.QuickPurge(ports.BaseAddress, purgeTaker.Address, automatic: true);
        await using var console = await ConsoleServer.StartAsync(_folder.Path, settings, ports: ports);
        var asset = await AddAssetAsync(console);

        var deletion = await console.Services.GetRequiredService<VideoDeletionService>().DeleteAsync(new DeletionCaller(asset.OwnerId, DeletionChannel.Console), asset.Id);

        var done = await PurgeFixtures.WaitForAsync(console.Services, asset.OwnerId, deletion.RequestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);
        Assert.True(done.Summary.State == CdnPurgeState.Verified, done.Summary.Error);
        Assert.All(done.Urls.Where(u => u.Probed), u => Assert.Equal(404, u.ProbeStatus));
        Assert.Equal(0, purgeTaker.Probes);
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<MediaAsset> AddAssetAsync(ConsoleServer console)
    {
        var editor = await console.CreateUserAsync(RoleNames.Editor);
        return await console.Services.GetRequiredService<AssetIngestion>().IngestAsync(PurgeFixtures.HlsVideo(editor.Id));
    }
}
