using System.Net;
using System.Net.Http.Headers;
using Azure.Storage.Blobs;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Storage;

/// <summary>The real console with Storage:Provider=AzureBlob on a real Azurite: /cdn streams blobs, deletes remove them.</summary>
public sealed class AzureBlobConsoleTests(Azurite azurite) : IClassFixture<Azurite>, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly string _containerName = azurite.NewContainerName();
    private ConsoleServer _server = null!;

    private BlobContainerClient Container => new(azurite.ConnectionString, _containerName);

    public async Task InitializeAsync() => _server = await ConsoleServer.StartAsync(_folder.Path, azurite.Settings(_containerName));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await Container.DeleteIfExistsAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task An_asset_in_blob_storage_is_served_by_cdn_whole_and_by_range_with_its_content_type()
    {
        var asset = await AddAssetAsync();
        var stream = asset.Files.First(f => f.StorageKey.EndsWith(".mp4", StringComparison.Ordinal)).StorageKey;
        var snapshot = asset.Files.First(f => f.StorageKey.EndsWith(".png", StringComparison.Ordinal)).StorageKey;
        var stored = (await Container.GetBlobClient(stream).DownloadContentAsync()).Value.Content.ToArray();
        using var client = _server.CreateClient();

        using (var whole = await client.GetAsync($"/cdn/{stream}"))
        {
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Equal("video/mp4", whole.Content.Headers.ContentType?.MediaType);
            Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
            Assert.Equal(stored, await whole.Content.ReadAsByteArrayAsync());
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/cdn/{stream}"))
        {
            request.Headers.Range = new RangeHeaderValue(100, 163);
            using var ranged = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.PartialContent, ranged.StatusCode);
            Assert.Equal($"bytes 100-163/{stored.Length}", ranged.Content.Headers.ContentRange?.ToString());
            Assert.Equal(stored.AsSpan(100, 64).ToArray(), await ranged.Content.ReadAsByteArrayAsync());
        }

        using var image = await client.GetAsync($"/cdn/{snapshot}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Deleting_an_asset_removes_its_blobs_and_cdn_stops_serving_them()
    {
        var asset = await AddAssetAsync();
        var neighbour = await AddAssetAsync();
        var admin = await _server.CreateUserAsync(RoleNames.Administrator);

        var result = await _server.Services.GetRequiredService<VideoDeletionService>()
            .DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), asset.Id);

        Assert.Equal([asset.Id], result.Deleted.Select(d => d.VideoId));
        await WaitUntilAsync(async () => (await BlobNamesAsync($"media/{asset.Id}/")).Count == 0);
        Assert.Equal(neighbour.Files.Select(f => f.StorageKey).Order(StringComparer.Ordinal), await BlobNamesAsync($"media/{neighbour.Id}/"));
        using var client = _server.CreateClient();
        using var gone = await client.GetAsync($"/cdn/{asset.Files.First().StorageKey}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private async Task<MediaAsset> AddAssetAsync()
    {
        var owner = await _server.CreateUserAsync(RoleNames.Editor);
        var assets = await _server.Services.GetRequiredService<AssetIngestion>().IngestManyAsync([Drafts.Video(owner.Id, "Blob asset", streams: 2, snapshots: 2)]);
        return assets[0];
    }

    private async Task<List<string>> BlobNamesAsync(string prefix) =>
        await Container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }).Select(b => b.Name).ToListAsync();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true in 30 seconds");
            await Task.Delay(100);
        }
    }
}
