using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Tests.Deletion;

/// <summary>
/// The storage failures on a folder, also on assets of 3,000 files, and the database failures: those do not depend on the storage, so they run
/// here only, on one host for the class whose database fails on cue.
/// </summary>
public sealed class LocalDiskDeletionFailureTests(SharedCoreHost shared) : DeletionFailureTests, IClassFixture<SharedCoreHost>
{
    [Theory]
    [InlineData(2, 2990, 9, 1)]
    [InlineData(2, 2990, 9, 4321)]
    public Task Storage_failure_on_the_kth_of_3000_files_is_finished_by_the_worker_and_leaves_no_orphan(int assetCount, int streams, int snapshots, int k) =>
        FailOnKthFileAsync(assetCount, streams, snapshots, k);

    [Fact]
    public Task Abrupt_stop_after_the_commit_of_a_3000_file_asset_is_finished_by_the_worker_of_the_next_run() => StopAbruptlyAsync(2, 1, 2990, 9);

    [Fact]
    public Task The_worker_never_removes_a_file_that_a_live_asset_of_3000_files_uses() => RemoveStaleRecordOfLiveAssetAsync(2990, 9);

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

    protected override Task<Dictionary<string, string?>> StorageSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}
