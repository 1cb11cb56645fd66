using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Tests.Deletion;

/// <summary>
/// The 16-caller race, run by <see cref="LocalDiskConcurrentDeletionTests"/> and <see cref="AzureBlobConcurrentDeletionTests"/>:
/// each subclass says where the host keeps its files. The race on assets of 3,000 files runs on local disk only: on
/// Azurite its 9,000 blob deletes alone take minutes on a shared 2-core machine.
/// </summary>
public abstract class ConcurrentDeletionTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    protected CoreHost App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await CoreHost.StartAsync(_folder.Path, settings: StorageSettings());

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public Task Sixteen_parallel_callers_on_overlapping_sets_delete_each_asset_exactly_once() => RaceAsync(200, 1, 1);

    protected async Task RaceAsync(int assetCount, int streams, int snapshots)
    {
        var admins = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            admins.Add((await App.CreateUserAsync(RoleNames.Administrator)).Id);
        }

        var ids = (await App.AddAssetsAsync(admins[0], assetCount, streams, snapshots)).Select(a => a.Id).ToArray();

        // Caller c works through windows of 20 that start at its own offset and wrap, so every
        // asset is asked for by several callers at about the same moment.
        var callers = Enumerable.Range(0, 16).Select(c => Task.Run(async () =>
        {
            var deleted = new List<string>();
            for (var round = 0; round < 10; round++)
            {
                var start = ((c * 7) + (round * 20)) % ids.Length;
                var batch = Enumerable.Range(0, 20).Select(i => ids[(start + i) % ids.Length]);
                var result = await App.Deletion.DeleteAsync(new DeletionCaller(admins[c % admins.Count], DeletionChannel.Api), string.Join(",", batch));
                Assert.True(result.Succeeded || result.Error?.Code == "InvalidVideo.NotFound", result.Error?.Code);
                deleted.AddRange(result.Deleted.Select(d => d.VideoId));
                Assert.Empty(result.Deleted.Select(d => d.VideoId).Intersect(result.NonExistent));
            }

            return deleted;
        })).ToList();

        var all = (await Task.WhenAll(callers)).SelectMany(d => d).ToList();

        Assert.Equal(assetCount, all.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.Empty(await App.LiveAssetIdsAsync());
        await App.WaitForNoPendingDeletionsAsync(TimeSpan.FromSeconds(60));
        Assert.Empty(await App.StoredKeysAsync());
        await using var db = await App.OpenDbAsync();
        Assert.Equal(0, await db.MediaFiles.CountAsync());
    }

    /// <summary>Settings that choose the storage provider of every host of the test.</summary>
    protected abstract Dictionary<string, string?> StorageSettings();
}
