using MediaAdmin.Core;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Tests.Deletion;

/// <summary>A deletion's commit, its file removal and its audit work under SQL Server's kind of execution strategy (see <see cref="RetryingLikeSqlServer"/>).</summary>
public sealed class DeletionOnRetryingStrategyTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private CoreHost _app = null!;

    public async Task InitializeAsync() => _app = await CoreHost.StartAsync(_folder.Path, RetryingLikeSqlServer.Configure);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_deletion_commits_removes_its_files_and_is_audited_under_a_retrying_strategy()
    {
        var admin = await _app.CreateUserAsync(RoleNames.Administrator);
        var assets = await _app.AddAssetsAsync(admin.Id, 3, streams: 2, snapshots: 1);

        var result = await _app.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Api), $"{assets[0].Id},{assets[1].Id}");
        await _app.WaitForNoPendingDeletionsAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(new[] { assets[0].Id, assets[1].Id }.Order(StringComparer.Ordinal), result.Deleted.Select(d => d.VideoId).Order(StringComparer.Ordinal));
        Assert.Equal([assets[2].Id], await _app.LiveAssetIdsAsync());
        Assert.Empty(await _app.StoredKeysAsync(PendingFileDeletion.PrefixOf(assets[0].Id)));
        Assert.Empty(await _app.StoredKeysAsync(PendingFileDeletion.PrefixOf(assets[1].Id)));
        await _app.AssertStorageMatchesDatabaseAsync();
        await using var db = await _app.OpenDbAsync();
        Assert.Equal(result.RequestId, (await db.DeletionAuditRecords.SingleAsync()).RequestId);
    }
}
