using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources;

/// <summary>A video the mirror removed is not brought back by data read before the removal.</summary>
public sealed class MirrorTombstoneTests : CoreHostTest
{
    private RemoteMirror Mirror => App.Services.GetRequiredService<RemoteMirror>();

    [Fact]
    public async Task A_video_removed_while_its_details_were_on_their_way_is_not_added_back_by_them()
    {
        await Mirror.UpsertAsync([Video(1, "One"), Video(2, "Two")], seenInSyncRunId: null, DateTime.UtcNow);
        var readStartedAtUtc = DateTime.UtcNow;
        await Mirror.RemoveAsync([Id(1)]);

        var change = await Mirror.UpsertAsync([Video(1, "One, read before its deletion"), Video(2, "Two, renamed")], seenInSyncRunId: null, readStartedAtUtc);

        Assert.Equal((0, 1), (change.Added, change.Updated));
        Assert.Equal(Id(2), Assert.Single(await App.LiveAssetIdsAsync()));
    }

    [Fact]
    public async Task A_video_a_full_sync_removed_as_unlisted_is_not_added_back_by_a_page_fetched_before()
    {
        await Mirror.UpsertAsync([Video(1, "Listed"), Video(2, "Gone")], seenInSyncRunId: 1, DateTime.UtcNow);
        var prefetchedAtUtc = DateTime.UtcNow;
        await Mirror.UpsertAsync([Video(1, "Listed")], seenInSyncRunId: 2, DateTime.UtcNow);
        await Mirror.RemoveUnlistedAsync(2, DateTime.UtcNow.AddSeconds(1));

        await Mirror.UpsertAsync([Video(2, "Gone")], seenInSyncRunId: null, prefetchedAtUtc);

        Assert.Equal(Id(1), Assert.Single(await App.LiveAssetIdsAsync()));
    }

    [Fact]
    public async Task Pruned_removals_are_forgotten()
    {
        await Mirror.RemoveAsync([Id(1), Id(2)]);

        var pruned = await Mirror.PruneRemovalsAsync(DateTime.UtcNow.AddMinutes(1));

        Assert.Equal(2, pruned);
        await using var db = await App.OpenDbAsync();
        Assert.False(await db.RemovedRemoteAssets.AnyAsync());
    }

    [Fact]
    public async Task Remote_categories_sharing_a_name_and_swapping_names_are_all_mirrored_under_their_own_IDs()
    {
        await Mirror.UpsertAsync([Video(1, "One", 7, "Clips"), Video(2, "Two", 8, "Clips")], seenInSyncRunId: null, DateTime.UtcNow);
        await Mirror.UpsertAsync([Video(1, "One", 7, "Trailers"), Video(2, "Two", 9, "Clips"), Video(3, "Three", 8, "Trailers")], seenInSyncRunId: null, DateTime.UtcNow);

        await using var db = await App.OpenDbAsync();
        var categories = await db.Categories.OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync();
        Assert.Equal([(7L, "Trailers"), (8L, "Trailers"), (9L, "Clips")], categories.Select(c => (c.Id, c.Name)));
    }

    [Fact]
    public void On_SQL_Server_mirrored_categories_are_inserted_with_identity_insert_around_parameters_only()
    {
        Assert.Equal(
            "SET IDENTITY_INSERT [Categories] ON; INSERT INTO [Categories] ([Id], [Name]) VALUES ({0}, {1}), ({2}, {3}); SET IDENTITY_INSERT [Categories] OFF;",
            Core.Data.MirroredCategoryCommands.SqlServerInsert(2));
    }

    private static string Id(int n) => GeneratedCatalog.IdOf(n);

    private static VodRemoteVideo Video(int n, string title, long? cateId = null, string? cateName = null) => new(
        Id(n), MediaType.Video, title, null, "Normal", 12.5, 1_000_000, cateId, cateName, null,
        new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(n), new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc), []);
}
