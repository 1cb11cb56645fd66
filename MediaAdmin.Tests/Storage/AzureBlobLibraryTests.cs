using Azure.Storage.Blobs;
using MediaAdmin.Core.Demo;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Storage;

/// <summary>Media going into blob storage the two ways a library fills: the ingest pipeline (ffmpeg on a real clip) and seed-demo.</summary>
public sealed class AzureBlobLibraryTests(Azurite azurite) : IClassFixture<Azurite>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task An_uploaded_clip_is_ingested_from_and_into_blob_storage_and_nothing_is_left_on_disk()
    {
        var name = azurite.NewContainerName();
        await using var app = await CoreHost.StartAsync(_folder.Path, settings: azurite.Settings(name));
        var editor = await app.CreateUserAsync(RoleNames.Editor);
        using var sources = new TempFolder();
        var clip = await TestClips.VideoAsync(sources.Path, 320, 180, seconds: 2);

        var submitted = await app.Services.GetRequiredService<IIngestPipeline>().SubmitAsync(new IngestSubmission(editor.Id, "Blob clip", clip, "clip.mp4"));
        Assert.True(submitted.IsSuccess, submitted.Error);

        var asset = await SettledAsync(app, submitted.Value);
        Assert.Equal(MediaStatus.Normal, asset.Status);
        Assert.Contains(asset.Files, f => f.StorageKey == $"media/{asset.Id}/streams/master.m3u8");
        await app.AssertStorageMatchesDatabaseAsync();
        await AssertBlobSizesMatchAsync(app, name);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "storage")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_folder.Path, "ingest-work")));
    }

    [Fact]
    public async Task The_demo_library_is_seeded_into_blob_storage_with_every_file_stored_whole()
    {
        var name = azurite.NewContainerName();
        await using var app = await CoreHost.StartAsync(_folder.Path, settings: azurite.Settings(name));
        await using var scope = app.Services.CreateAsyncScope();

        var report = await scope.ServiceProvider.GetRequiredService<DemoLibrarySeeder>().SeedAsync(assetCount: 6);

        Assert.Equal(6, report.AssetsCreated);
        await app.AssertStorageMatchesDatabaseAsync();
        await AssertBlobSizesMatchAsync(app, name);

        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "storage")));
    }

    private static async Task<MediaAsset> SettledAsync(CoreHost app, string assetId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            await using var db = await app.OpenDbAsync();
            var asset = await db.MediaAssets.AsNoTracking().Include(a => a.Files).SingleAsync(a => a.Id == assetId);
            if (asset.Status is MediaStatus.Normal or MediaStatus.TranscodeFail)
            {
                return asset;
            }

            Assert.True(DateTime.UtcNow < deadline, $"asset still {asset.Status} after two minutes");
            await Task.Delay(200);
        }
    }

    private async Task AssertBlobSizesMatchAsync(CoreHost app, string container)
    {
        await using var db = await app.OpenDbAsync();
        var sizes = await db.MediaFiles.ToDictionaryAsync(f => f.StorageKey, f => f.SizeBytes);
        await foreach (var blob in new BlobContainerClient(azurite.ConnectionString, container).GetBlobsAsync())
        {
            Assert.Equal(sizes[blob.Name], blob.Properties.ContentLength);
        }
    }
}
