using MediaAdmin.Core;
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
/// Failures half-way: nothing may be lost, nothing may be left behind. Failures injected into the
/// database share one host; storage failures and restarts need a host of their own. Each runs on
/// small assets and on a few assets of 3,000 files (an HLS ladder's worth), whose files the worker
/// removes in several batches.
/// </summary>
public sealed class DeletionFailureTests(SharedCoreHost shared) : IClassFixture<SharedCoreHost>, IDisposable
{
    /// <summary>Streams and snapshots that make, with the mezzanine, 6 files and 3,000 files.</summary>
    public static TheoryData<int, int> AssetSizes => new() { { 3, 2 }, { 2990, 9 } };

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(4, 3, 2, 1)]
    [InlineData(4, 3, 2, 7)]
    [InlineData(4, 3, 2, 24)]
    [InlineData(2, 2990, 9, 1)]
    [InlineData(2, 2990, 9, 4321)]
    public async Task Storage_failure_on_the_kth_file_is_finished_by_the_worker_and_leaves_no_orphan(int assetCount, int streams, int snapshots, int k)
    {
        FaultyStorage? storage = null;
        await using var app = await CoreHost.StartAsync(_folder.Path, services => WithFaultyStorage(services, s => storage = s));
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

    [Theory]
    [InlineData(6, 4, 2, 3)]
    [InlineData(2, 1, 2990, 9)]
    public async Task Abrupt_stop_after_the_commit_is_finished_by_the_worker_of_the_next_run(int assetCount, int deletedCount, int streams, int snapshots)
    {
        var filesPerAsset = 1 + streams + snapshots;
        var lease = new Dictionary<string, string?> { ["Deletion:RemovalLease"] = "00:00:01" };
        string[] deletedIds;
        string[] keptIds;
        await using (var crashing = await CoreHost.StartAsync(
            _folder.Path,
            services =>
            {
                WithFaultyStorage(services, s => s.Hang = true);
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

    [Theory]
    [MemberData(nameof(AssetSizes))]
    public async Task Database_failure_before_the_commit_gives_DeleteVideoFailed_and_changes_nothing(int streams, int snapshots)
    {
        var (app, interceptor) = (shared.App, shared.Interceptor);
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        var assets = await app.AddAssetsAsync(admin.Id, streams > 100 ? 1 : 3, streams, snapshots);
        var failuresBefore = interceptor.Failures;
        interceptor.FailWhenSqlContains = "INSERT INTO \"CdnInvalidations\"";

        var result = await app.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), string.Join(",", assets.Select(a => a.Id)));
        interceptor.FailWhenSqlContains = null;

        Assert.Equal(1, interceptor.Failures - failuresBefore);
        Assert.Equal(("DeleteVideoFailed", 503), (result.Error?.Code, result.Error?.HttpStatus));
        Assert.Empty(result.Deleted);
        Assert.Superset(assets.Select(a => a.Id).ToHashSet(), await app.LiveAssetIdsAsync());
        await app.AssertStorageMatchesDatabaseAsync();
        Assert.Equal(0, await app.PendingFileDeletionCountAsync());
        await using var db = await app.OpenDbAsync();
        Assert.Empty(await db.CdnInvalidations.Where(i => i.RequestId == result.RequestId).ToListAsync());
        Assert.Equal("DeleteVideoFailed", (await db.DeletionAuditRecords.SingleAsync(r => r.RequestId == result.RequestId)).ErrorCode);
    }

    [Theory]
    [MemberData(nameof(AssetSizes))]
    public async Task Retrying_after_DeleteVideoFailed_deletes_what_failed(int streams, int snapshots)
    {
        var (app, interceptor) = (shared.App, shared.Interceptor);
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        var asset = await app.AddAssetAsync(admin.Id, streams, snapshots);
        var caller = new DeletionCaller(admin.Id, DeletionChannel.Console);

        interceptor.FailWhenSqlContains = "DELETE FROM \"MediaAssets\"";
        var failed = await app.Deletion.DeleteAsync(caller, asset.Id);
        interceptor.FailWhenSqlContains = null;
        var retried = await app.Deletion.DeleteAsync(caller, asset.Id);

        Assert.Equal("DeleteVideoFailed", failed.Error?.Code);
        Assert.Equal([asset.Id], retried.Deleted.Select(d => d.VideoId));
        Assert.Equal(1 + streams + snapshots, retried.Deleted[0].FileCount);
        await app.WaitForNoPendingDeletionsAsync(TimeSpan.FromSeconds(60));
        Assert.Empty(await app.StoredKeysAsync($"media/{asset.Id}"));
        await AssertNoFileRowsLeftAsync(app);
    }

    [Theory]
    [MemberData(nameof(AssetSizes))]
    public async Task The_worker_never_removes_a_file_that_a_live_asset_uses(int streams, int snapshots)
    {
        var app = shared.App;
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

    [Theory]
    [MemberData(nameof(AssetSizes))]
    public async Task A_failed_ingest_removes_the_files_it_had_written(int streams, int snapshots)
    {
        var (app, interceptor) = (shared.App, shared.Interceptor);
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        var (assetsBefore, filesBefore) = ((await app.LiveAssetIdsAsync()).Count, (await app.StoredKeysAsync()).Count);
        interceptor.FailWhenSqlContains = "INSERT INTO \"MediaFiles\"";

        await Assert.ThrowsAsync<DbUpdateException>(() => app.AddAssetsAsync(admin.Id, streams > 100 ? 1 : 3, streams, snapshots));
        interceptor.FailWhenSqlContains = null;

        Assert.Equal(assetsBefore, (await app.LiveAssetIdsAsync()).Count);
        Assert.Equal(filesBefore, (await app.StoredKeysAsync()).Count);
    }

    /// <summary>The file rows a commit left behind on SQLite go with the files: none outlives its asset.</summary>
    private static async Task AssertNoFileRowsLeftAsync(CoreHost app)
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

    private static void WithFaultyStorage(IServiceCollection services, Action<FaultyStorage> arrange)
    {
        services.AddSingleton<IMediaStorage>(sp =>
        {
            var storage = new FaultyStorage(new LocalDiskMediaStorage(sp.GetRequiredService<MediaAdminPaths>().StorageRoot));
            arrange(storage);
            return storage;
        });
    }
}
