using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
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

        var page = await Library.QueryAsync(editor.Id, new LibraryQuery { Sort = LibrarySort.Title, Descending = false });

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

        var minePage = await Library.QueryAsync(editor.Id, new LibraryQuery { MineOnly = true, PageSize = 5, Page = 1 });
        Assert.Equal((2, 7, false), (minePage.Rows.Count, minePage.TotalCount, minePage.CountIsCapped));
        Assert.Equal([mine[3].Id], (await Library.QueryAsync(editor.Id, new LibraryQuery { VideoId = mine[3].Id })).Rows.Select(r => r.Id));
        Assert.Empty((await Library.QueryAsync(editor.Id, new LibraryQuery { VideoId = "../etc" })).Rows);
        Assert.Equal(12, (await Library.QueryAsync(editor.Id, new LibraryQuery { MediaType = MediaType.Video })).TotalCount);
        Assert.Equal(0, (await Library.QueryAsync(editor.Id, new LibraryQuery { MediaType = MediaType.Audio })).TotalCount);
    }

    [Fact]
    public async Task A_user_without_read_permission_sees_nothing()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        await App.AddAssetAsync(editor.Id);
        await App.SetRolePermissionsAsync(RoleNames.Editor);

        Assert.Empty((await Library.QueryAsync(editor.Id, new LibraryQuery())).Rows);
    }

    private async Task<List<string>> TitlesAsync(string userId, LibraryQuery query) =>
        (await Library.QueryAsync(userId, query)).Rows.Select(r => r.Title).ToList();
}
