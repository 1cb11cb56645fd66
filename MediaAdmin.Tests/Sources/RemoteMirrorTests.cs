using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources;

public sealed class RemoteMirrorTests : CoreHostTest
{
    private RemoteMirror Mirror => App.Services.GetRequiredService<RemoteMirror>();

    [Fact]
    public async Task New_videos_are_added_owned_by_the_disabled_library_account_with_their_category_and_cover()
    {
        var change = await Mirror.UpsertAsync([Video(1, "Harbour at dawn", cateId: 7, cateName: "News")], seenInSyncRunId: 3, DateTime.UtcNow);

        Assert.Equal((1, 0, 0), (change.Added, change.Updated, change.Removed));
        await using var db = await App.OpenDbAsync();
        var asset = await db.MediaAssets.Include(a => a.Category).SingleAsync();
        Assert.Equal(("Harbour at dawn", RemoteLibraryOwner.UserId, "News", MediaStatus.Normal), (asset.Title, asset.OwnerId, asset.Category!.Name, asset.Status));
        Assert.True((await db.Users.SingleAsync(u => u.Id == RemoteLibraryOwner.UserId)).IsDisabled);
        var remote = await db.RemoteAssets.SingleAsync();
        Assert.Equal((Cover(1), 3L), (remote.CoverUrl, remote.SeenInSyncRunId));
    }

    [Fact]
    public async Task Writing_the_same_video_again_changes_nothing_a_person_sees_and_a_changed_one_counts_as_updated()
    {
        await Mirror.UpsertAsync([Video(1, "One"), Video(2, "Two")], seenInSyncRunId: 1, DateTime.UtcNow);

        var same = await Mirror.UpsertAsync([Video(1, "One"), Video(2, "Two")], seenInSyncRunId: 2, DateTime.UtcNow);
        var renamed = await Mirror.UpsertAsync([Video(2, "Two, renamed", cateId: 7, cateName: "Renamed news")], seenInSyncRunId: null, DateTime.UtcNow);

        Assert.Equal((0, 0), (same.Added, same.Updated));
        Assert.Equal((0, 1), (renamed.Added, renamed.Updated));
        await using var db = await App.OpenDbAsync();
        Assert.Equal("Two, renamed", (await db.MediaAssets.SingleAsync(a => a.Id == Id(2))).Title);
        Assert.Equal("Renamed news", (await db.Categories.SingleAsync(c => c.Id == 7)).Name);
        Assert.Equal(2L, (await db.RemoteAssets.SingleAsync(r => r.AssetId == Id(2))).SeenInSyncRunId);
    }

    [Fact]
    public async Task After_a_full_sync_only_videos_it_did_not_list_and_nothing_wrote_since_its_start_are_removed()
    {
        await Mirror.UpsertAsync([Video(1, "Listed"), Video(2, "Gone"), Video(3, "Also gone")], seenInSyncRunId: 1, DateTime.UtcNow);
        var syncStart = DateTime.UtcNow.AddSeconds(1);
        await Mirror.UpsertAsync([Video(1, "Listed")], seenInSyncRunId: 2, DateTime.UtcNow);

        var change = await Mirror.RemoveUnlistedAsync(2, syncStart, batchSize: 1);

        Assert.Equal(new[] { Id(2), Id(3) }, change.RemovedIds.Order());
        Assert.Equal(Id(1), Assert.Single(await App.LiveAssetIdsAsync()));
        await using var db = await App.OpenDbAsync();
        Assert.Equal(Id(1), await db.RemoteAssets.Select(r => r.AssetId).SingleAsync());
    }

    [Fact]
    public async Task A_video_a_callback_wrote_during_the_full_sync_is_kept_though_the_sync_did_not_list_it()
    {
        var syncStart = DateTime.UtcNow.AddSeconds(-1);
        await Mirror.UpsertAsync([Video(4, "Uploaded during the sync")], seenInSyncRunId: null, DateTime.UtcNow);

        var change = await Mirror.RemoveUnlistedAsync(5, syncStart);

        Assert.Empty(change.RemovedIds);
        Assert.Equal(Id(4), Assert.Single(await App.LiveAssetIdsAsync()));
    }

    [Fact]
    public async Task Removing_by_ID_answers_only_the_videos_that_were_mirrored()
    {
        await Mirror.UpsertAsync([Video(1, "One"), Video(2, "Two")], seenInSyncRunId: 1, DateTime.UtcNow);

        var change = await Mirror.RemoveAsync([Id(2), Id(9)]);

        Assert.Equal(Id(2), Assert.Single(change.RemovedIds));
        Assert.Equal(Id(1), Assert.Single(await App.LiveAssetIdsAsync()));
    }

    private static string Id(int n) => GeneratedCatalog.IdOf(n);

    private static string Cover(int n) => $"https://cdn.example.test/vod/{Id(n)}/cover.jpg";

    private static VodRemoteVideo Video(int n, string title, long? cateId = null, string? cateName = null) => new(
        Id(n), MediaType.Video, title, null, "Normal", 12.5, 1_000_000, cateId, cateName, Cover(n),
        new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(n), new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc), []);
}
