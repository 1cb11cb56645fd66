using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Library;

public sealed class LibraryQueryServiceTests : CoreHostTest
{
    private LibraryQueryService Library => App.Services.GetRequiredService<LibraryQueryService>();

    [Fact]
    public async Task Title_search_matches_every_word_as_a_prefix_and_ignores_fts_syntax()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        await App.AddAssetAsync(editor.Id, title: "Morning Briefing Berlin");
        await App.AddAssetAsync(editor.Id, title: "Evening briefing Paris");
        await App.AddAssetAsync(editor.Id, title: "Morning run");

        Assert.Equal(["Morning Briefing Berlin"], await TitlesAsync(editor.Id, new LibraryQuery { Search = "morn brief" }));
        Assert.Equal(2, (await TitlesAsync(editor.Id, new LibraryQuery { Search = "BRIEFING" })).Count);
        Assert.Empty(await TitlesAsync(editor.Id, new LibraryQuery { Search = "\" OR 1=1 --" }));
        Assert.Equal(2, (await TitlesAsync(editor.Id, new LibraryQuery { Search = "morning*" })).Count);
    }

    [Fact]
    public async Task Search_index_follows_deletions()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var asset = await App.AddAssetAsync(admin.Id, title: "Vanishing clip");
        await App.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), asset.Id);

        Assert.Empty(await TitlesAsync(admin.Id, new LibraryQuery { Search = "vanishing" }));
    }

    [Fact]
    public async Task Rows_say_which_the_caller_may_delete_and_why_not()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var colleague = await App.CreateUserAsync(RoleNames.Editor);
        var own = await App.AddAssetAsync(editor.Id, title: "Own");
        await App.AddAssetAsync(colleague.Id, title: "Theirs");

        var page = await PageAsync(editor.Id, new LibraryQuery { Sort = LibrarySort.Title, Descending = false });

        Assert.Equal(["Own", "Theirs"], page.Rows.Select(r => r.Title));
        Assert.True(page.Rows[0].CanDelete);
        Assert.Contains("only assets you own", page.Rows[1].DeleteDeniedReason, StringComparison.Ordinal);
        Assert.Equal($"media/{own.Id}/snapshots/00.png", page.Rows[0].ThumbnailKey);
    }

    [Fact]
    public async Task Filters_exact_id_mine_and_paging_narrow_the_page()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var colleague = await App.CreateUserAsync(RoleNames.Editor);
        var mine = await App.AddAssetsAsync(editor.Id, 7);
        await App.AddAssetsAsync(colleague.Id, 5);

        var minePage = await PageAsync(editor.Id, new LibraryQuery { MineOnly = true, PageSize = 5, Page = 1 });
        Assert.Equal((2, 7, false), (minePage.Rows.Count, minePage.TotalCount, minePage.CountIsCapped));
        Assert.Equal([mine[3].Id], (await PageAsync(editor.Id, new LibraryQuery { VideoId = mine[3].Id })).Rows.Select(r => r.Id));
        Assert.Equal(12, (await PageAsync(editor.Id, new LibraryQuery { MediaType = MediaType.Video })).TotalCount);
        Assert.Equal(0, (await PageAsync(editor.Id, new LibraryQuery { MediaType = MediaType.Audio })).TotalCount);
    }

    [Fact]
    public async Task A_malformed_id_filter_is_invalid_with_a_message_that_says_what_an_id_looks_like()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        await App.AddAssetAsync(editor.Id);

        var result = await Library.QueryAsync(editor.Id, new LibraryQuery { VideoId = "../etc" });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Contains("32 characters, each 0-9 or a-f", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_ids_than_a_lookup_takes_are_invalid_instead_of_silently_cut()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var ids = Enumerable.Range(0, 21).Select(_ => VideoId.New()).ToList();

        var result = await Library.DetailsAsync(editor.Id, new LibraryQuery { VideoIds = ids });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal("At most 20 video IDs can be looked up at once; 21 were given.", result.Error);
    }

    [Fact]
    public async Task A_user_without_read_permission_is_forbidden_the_library_and_its_details()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var asset = await App.AddAssetAsync(editor.Id);
        await App.SetRolePermissionsAsync(RoleNames.Editor);

        var page = await Library.QueryAsync(editor.Id, new LibraryQuery());
        var details = await Library.DetailsAsync(editor.Id, new LibraryQuery { VideoId = asset.Id });

        Assert.Equal((ResultStatus.Forbidden, ResultStatus.Forbidden), (page.Status, details.Status));
        Assert.Equal("Your role does not allow viewing the library.", page.Error);
    }

    [Fact]
    public async Task Details_give_a_page_of_assets_with_their_snapshot_urls_and_the_total()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var assets = await App.AddAssetsAsync(editor.Id, 3, snapshots: 2);

        var details = (await Library.DetailsAsync(editor.Id, new LibraryQuery { PageSize = 2, Sort = LibrarySort.Created, Descending = false })).Value;

        Assert.Equal(3, details.Total);
        Assert.Equal(2, details.Assets.Count);
        Assert.All(details.Assets, a => Assert.Equal(2, a.SnapshotUrls.Count));
        Assert.Subset(assets.Select(a => a.Id).ToHashSet(), details.Assets.Select(a => a.Id).ToHashSet());
    }

    [Fact]
    public async Task A_transcoded_videos_details_have_its_cover_first_then_its_snapshots_and_no_sprite_sheets()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var asset = await TranscodedClips.AddVideoAsync(App.Services.GetRequiredService<AssetIngestion>(), editor.Id, "Snapshots");

        var details = Assert.Single((await Library.DetailsAsync(editor.Id, new LibraryQuery { VideoId = asset.Id })).Value.Assets);

        var expected = asset.Files
            .Where(f => f.SnapshotKind is SnapshotKind.Cover or SnapshotKind.Normal)
            .OrderBy(f => f.SnapshotKind).ThenBy(f => f.StorageKey, StringComparer.Ordinal)
            .Select(f => f.CdnUrl);
        Assert.Equal(expected, details.SnapshotUrls);
        Assert.EndsWith("/snapshots/cover.jpg", details.CoverUrl, StringComparison.Ordinal);
        Assert.DoesNotContain(details.SnapshotUrls, url => url.Contains("sprite", StringComparison.Ordinal));
    }

    private async Task<LibraryResult> PageAsync(string userId, LibraryQuery query) => (await Library.QueryAsync(userId, query)).Value;

    private async Task<List<string>> TitlesAsync(string userId, LibraryQuery query) =>
        (await PageAsync(userId, query)).Rows.Select(r => r.Title).ToList();
}
