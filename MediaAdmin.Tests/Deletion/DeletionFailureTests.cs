using MediaAdmin.Core;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Deletion;

/// <summary>
/// Failures half-way: nothing may be lost, nothing may be left behind. Failures injected into the
/// database share one host; storage failures and restarts need a host of their own.
/// </summary>
public sealed class DeletionFailureTests(SharedCoreHost shared) : IClassFixture<SharedCoreHost>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(24)]
    public async Task Storage_failure_on_the_kth_file_is_finished_by_the_worker_and_leaves_no_orphan(int k)
    {
        FaultyStorage? storage = null;
        await using var app = await CoreHost.StartAsync(_folder.Path, services => WithFaultyStorage(services, s => storage = s));
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        var assets = await app.AddAssetsAsync(admin.Id, 4, streams: 3, snapshots: 2);
        storage!.FailDeleteNumber = k;

        var result = await app.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), string.Join(",", assets.Select(a => a.Id)));

        Assert.True(result.Succeeded);
        Assert.Equal(4, result.Deleted.Count);
        Assert.Empty(await app.LiveAssetIdsAsync());
        await app.WaitForNoPendingDeletionsAsync();
        Assert.Empty(await app.StoredKeysAsync());
        Assert.True(storage.DeleteCalls > 24, "the failed file was retried");
    }

    [Fact]
    public async Task Abrupt_stop_after_the_commit_is_finished_by_the_worker_of_the_next_run()
    {
        string[] deletedIds;
        string[] keptIds;
        await using (var crashing = await CoreHost.StartAsync(
            _folder.Path,
            services => WithFaultyStorage(services, s => s.Hang = true),
            new Dictionary<string, string?> { ["Deletion:FreshRecordGrace"] = "00:00:02" }))
        {
            var admin = await crashing.CreateUserAsync(RoleNames.Administrator);
            var assets = await crashing.AddAssetsAsync(admin.Id, 6, streams: 2, snapshots: 3);
            deletedIds = assets.Take(4).Select(a => a.Id).ToArray();
            keptIds = assets.Skip(4).Select(a => a.Id).ToArray();

            // The request commits, then hangs in storage; the process "dies" with it.
            var request = crashing.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), string.Join(",", deletedIds));
            while (await crashing.PendingFileDeletionCountAsync() < 4 * 6)
            {
                await Task.Delay(20);
            }

            Assert.False(request.IsCompleted);
            Assert.Equal(keptIds.ToHashSet(), await crashing.LiveAssetIdsAsync());
            Assert.Equal(6 * 6, (await crashing.StoredKeysAsync()).Count);
        }

        await using var restarted = await CoreHost.StartAsync(_folder.Path);
        await restarted.WaitForNoPendingDeletionsAsync();

        Assert.Equal(keptIds.ToHashSet(), await restarted.LiveAssetIdsAsync());
        await restarted.AssertStorageMatchesDatabaseAsync();
        Assert.Equal(2 * 6, (await restarted.StoredKeysAsync()).Count);
    }

    [Fact]
    public async Task Database_failure_before_the_commit_gives_DeleteVideoFailed_and_changes_nothing()
    {
        var (app, interceptor) = (shared.App, shared.Interceptor);
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        var assets = await app.AddAssetsAsync(admin.Id, 3);
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

    [Fact]
    public async Task Retrying_after_DeleteVideoFailed_deletes_what_failed()
    {
        var (app, interceptor) = (shared.App, shared.Interceptor);
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        var asset = await app.AddAssetAsync(admin.Id);
        var caller = new DeletionCaller(admin.Id, DeletionChannel.Console);

        interceptor.FailWhenSqlContains = "DELETE FROM \"MediaAssets\"";
        var failed = await app.Deletion.DeleteAsync(caller, asset.Id);
        interceptor.FailWhenSqlContains = null;
        var retried = await app.Deletion.DeleteAsync(caller, asset.Id);

        Assert.Equal("DeleteVideoFailed", failed.Error?.Code);
        Assert.Equal([asset.Id], retried.Deleted.Select(d => d.VideoId));
        Assert.Empty(await app.StoredKeysAsync($"media/{asset.Id}"));
    }

    [Fact]
    public async Task The_worker_never_removes_a_file_that_a_live_asset_uses()
    {
        var app = shared.App;
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        var asset = await app.AddAssetAsync(admin.Id);
        var liveKey = asset.Files[0].StorageKey;
        await using (var db = await app.OpenDbAsync())
        {
            db.PendingFileDeletions.Add(new PendingFileDeletion { StorageKey = liveKey, AssetId = asset.Id, RequestId = "stale", CreatedAtUtc = DateTime.UtcNow, NextAttemptAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await app.WaitForNoPendingDeletionsAsync();

        Assert.True(await app.Services.GetRequiredService<IMediaStorage>().ExistsAsync(StorageKey.Parse(liveKey)));
        await app.AssertStorageMatchesDatabaseAsync();
    }

    [Fact]
    public async Task A_failed_ingest_removes_the_files_it_had_written()
    {
        var (app, interceptor) = (shared.App, shared.Interceptor);
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        var (assetsBefore, filesBefore) = ((await app.LiveAssetIdsAsync()).Count, (await app.StoredKeysAsync()).Count);
        interceptor.FailWhenSqlContains = "INSERT INTO \"MediaFiles\"";

        await Assert.ThrowsAsync<DbUpdateException>(() => app.AddAssetsAsync(admin.Id, 3));
        interceptor.FailWhenSqlContains = null;

        Assert.Equal(assetsBefore, (await app.LiveAssetIdsAsync()).Count);
        Assert.Equal(filesBefore, (await app.StoredKeysAsync()).Count);
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
