using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MediaAdmin.Tests.Deletion;

/// <summary>
/// Storage failures half-way: nothing may be lost, nothing may be left behind. Run on both providers by
/// <see cref="LocalDiskDeletionFailureTests"/> and <see cref="AzureBlobDeletionFailureTests"/>; each test has
/// a host (and on blob storage a container) of its own. Each runs on small assets and on a few assets of
/// 3,000 files (an HLS ladder's worth), whose files the worker removes in several batches.
/// </summary>
public abstract class DeletionFailureTests : IDisposable
{
    /// <summary>Streams and snapshots that make, with the mezzanine, 6 files and 3,000 files.</summary>
    public static TheoryData<int, int> AssetSizes => new() { { 3, 2 }, { 2990, 9 } };

    private readonly TempFolder _folder = new();
    private Dictionary<string, string?>? _storageSettings;


    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData(4, 3, 2, 1)]
    [InlineData(4, 3, 2, 7)]
    [InlineData(4, 3, 2, 24)]
    public Task Storage_failure_on_the_kth_file_is_finished_by_the_worker_and_leaves_no_orphan(int assetCount, int streams, int snapshots, int k) =>
        FailOnKthFileAsync(assetCount, streams, snapshots, k);

    [Fact]
    public Task Abrupt_stop_after_the_commit_is_finished_by_the_worker_of_the_next_run() => StopAbruptlyAsync(6, 4, 2, 3);

    [Fact]
    public Task The_worker_never_removes_a_file_that_a_live_asset_uses() => RemoveStaleRecordOfLiveAssetAsync(3, 2);

    protected async Task FailOnKthFileAsync(int assetCount, int streams, int snapshots, int k)
    {
        FaultyStorage? storage = null;
        await using var app = await CoreHost.StartAsync(_folder.Path, services => FaultyStorage.Wrap(services, s => storage = s), await StorageAsync());
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        var assets = await app.AddAssetsAsync(admin.Id, assetCount, streams, snapshots);
        var files = assetCount * (1 + streams + snapshots);
        storage!.FailDeleteNumber = k;

        var result = await app.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), string.Join(",", assets.Select(a => a.Id)));

        Assert.True(result.Succeeded);
        Assert.Equal(assetCount, result.Deleted.Count);
        Assert.Empty(await app.LiveAssetIdsAsync());
        await app.WaitForNoPendingDeletionsAsync(TimeSpan.FromSeconds(60));
        Assert.Empty(await app.StoredKeysAsync());
        Assert.True(storage.DeleteCalls > files, "the failed file was retried");
        await AssertNoFileRowsLeftAsync(app);
    }

    protected async Task StopAbruptlyAsync(int assetCount, int deletedCount, int streams, int snapshots)
    {
        var filesPerAsset = 1 + streams + snapshots;
        var lease = new Dictionary<string, string?>(await StorageAsync()) { ["Deletion:RemovalLease"] = "00:00:01" };
        string[] deletedIds;
        string[] keptIds;
        await using (var crashing = await CoreHost.StartAsync(
            _folder.Path,
            services =>
            {
                FaultyStorage.Wrap(services, s => s.Hang = true);
                services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
            },
            lease))
        {
            var admin = await crashing.CreateUserAsync(RoleNames.Administrator);
            var assets = await crashing.AddAssetsAsync(admin.Id, assetCount, streams, snapshots);
            deletedIds = assets.Take(deletedCount).Select(a => a.Id).ToArray();
            keptIds = assets.Skip(deletedCount).Select(a => a.Id).ToArray();

            // The request answers after its commit; the worker then hangs in storage and the process "dies" with it.
            var result = await crashing.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), string.Join(",", deletedIds));
            var storage = (FaultyStorage)crashing.Services.GetRequiredService<IMediaStorage>();
            await WaitUntilAsync(() => Task.FromResult(storage.DeleteCalls > 0));

            Assert.Equal(deletedIds, result.Deleted.Select(d => d.VideoId));
            Assert.Equal(keptIds.ToHashSet(), await crashing.LiveAssetIdsAsync());
            Assert.Equal(deletedCount, await crashing.PendingFileDeletionCountAsync());
            Assert.Equal(assetCount * filesPerAsset, (await crashing.StoredKeysAsync()).Count);
        }

        await using var restarted = await CoreHost.StartAsync(_folder.Path, settings: lease);
        await restarted.WaitForNoPendingDeletionsAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(keptIds.ToHashSet(), await restarted.LiveAssetIdsAsync());
        await restarted.AssertStorageMatchesDatabaseAsync();
        Assert.Equal((assetCount - deletedCount) * filesPerAsset, (await restarted.StoredKeysAsync()).Count);
        await AssertNoFileRowsLeftAsync(restarted);
    }

    protected async Task RemoveStaleRecordOfLiveAssetAsync(int streams, int snapshots)
    {
        await using var app = await CoreHost.StartAsync(_folder.Path, settings: await StorageAsync());
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        var asset = await app.AddAssetAsync(admin.Id, streams, snapshots);
        await using (var db = await app.OpenDbAsync())
        {
            db.PendingFileDeletions.Add(new PendingFileDeletion
            {
                AssetId = asset.Id, StoragePrefix = PendingFileDeletion.PrefixOf(asset.Id), RequestId = "stale",
                TotalFiles = asset.Files.Count, CreatedAtUtc = DateTime.UtcNow, NextAttemptAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        app.Services.GetRequiredService<FileRemovalSignal>().Kick();
        await app.WaitForNoPendingDeletionsAsync();

        Assert.Equal(asset.Files.Count, (await app.StoredKeysAsync($"media/{asset.Id}")).Count);
        Assert.True(await app.Services.GetRequiredService<IMediaStorage>().ExistsAsync(StorageKey.Parse(asset.Files[^1].StorageKey)));
        Assert.Contains(asset.Id, await app.LiveAssetIdsAsync());
        await app.AssertStorageMatchesDatabaseAsync();
    }

    /// <summary>The file rows a commit left behind on SQLite go with the files: none outlives its asset.</summary>
    protected static async Task AssertNoFileRowsLeftAsync(CoreHost app)
    {
        await using var db = await app.OpenDbAsync();
        Assert.Equal(0, await db.MediaFiles.CountAsync(f => !db.MediaAssets.Any(a => a.Id == f.AssetId)));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true in time");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Settings that choose the storage provider, called once per test. A blob container must exist already
    /// (see <see cref="FaultyStorage.Wrap"/>).
    /// </summary>
    protected abstract Task<Dictionary<string, string?>> StorageSettingsAsync();

    /// <summary>One test's storage settings, the same for every host it starts (a restart finds the same files).</summary>
    private async Task<Dictionary<string, string?>> StorageAsync() => _storageSettings ??= await StorageSettingsAsync();
}
