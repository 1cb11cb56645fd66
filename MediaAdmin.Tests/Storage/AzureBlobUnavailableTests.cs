using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Storage;

/// <summary>Blob storage going away mid-life loses no removal: the deletion commits, and the worker finishes it once storage is back.</summary>
public sealed class AzureBlobUnavailableTests(Azurite azurite) : IClassFixture<Azurite>, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private CoreHost _app = null!;

    public async Task InitializeAsync() => _app = await CoreHost.StartAsync(_folder.Path, settings: azurite.Settings(azurite.NewContainerName()));

    public async Task DisposeAsync()
    {
        await azurite.StartAsync();
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_deletion_while_blob_storage_is_down_leaves_pending_removals_that_the_worker_finishes_once_it_is_back()
    {
        var admin = await _app.CreateUserAsync(RoleNames.Administrator);
        var doomed = await _app.AddAssetsAsync(admin.Id, 3, streams: 4);
        var kept = await _app.AddAssetAsync(admin.Id);
        await azurite.StopAsync();

        var result = await _app.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), string.Join(",", doomed.Select(a => a.Id)));

        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Deleted.Count);
        Assert.True(await _app.PendingFileDeletionCountAsync() > 0);

        await azurite.StartAsync();
        await _app.WaitForNoPendingDeletionsAsync(TimeSpan.FromSeconds(60));

        foreach (var asset in doomed)
        {
            Assert.Empty(await _app.StoredKeysAsync($"media/{asset.Id}"));
        }

        Assert.Equal(kept.Files.Count, (await _app.StoredKeysAsync($"media/{kept.Id}")).Count);
        await _app.AssertStorageMatchesDatabaseAsync();
    }
}
