using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Accounts;

/// <summary>
/// With <c>Library:Source=AlibabaVod</c> videos have no owner: the library rows and the deletion preview let an Editor
/// delete the videos in the categories granted to them, Administrators any, Viewers none, and name the category when they refuse.
/// </summary>
public sealed class CategoryOwnershipTests : CoreHostTest
{
    private const long News = 1001;
    private const long Sport = 1002;
    private const string NotGranted = "You can delete only videos in the categories granted to you; this one is in \"Sport\", which is not granted to you.";
    private const string NoCategory = "This video has no category, and you can delete only videos in the categories granted to you.";

    protected override IDictionary<string, string?> HostSettings => AlibabaVodSourceHost.Settings;

    [Fact]
    public async Task An_editor_may_delete_videos_in_granted_categories_and_is_told_which_category_refuses_the_others()
    {
        var library = await MirroredLibraryAsync();
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        await Grants.ReplaceAsync(library.Admin.Id, editor.Id, ["News"]);

        var reasons = await RowReasonsAsync(editor.Id);
        var preview = await Previews.PreviewAsync(editor.Id, library.VideoIds);

        Assert.Equal([null, NotGranted, NoCategory], reasons);
        Assert.Equal([library.VideoIds[0]], preview.Deletable.Select(i => i.Id));
        Assert.Equal([NotGranted, NoCategory], preview.Kept.Select(i => i.DeniedReason));
        Assert.True((await Previews.MayDeleteAnyAsync(editor.Id)).IsSuccess);
    }

    [Fact]
    public async Task A_new_grant_allows_at_once_and_a_removed_one_refuses_at_once()
    {
        var library = await MirroredLibraryAsync();
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        await Grants.ReplaceAsync(library.Admin.Id, editor.Id, ["Sport"]);
        Assert.Equal([false, true, false], (await RowReasonsAsync(editor.Id)).Select(r => r is null));

        await Grants.ReplaceAsync(library.Admin.Id, editor.Id, ["News"]);

        Assert.Equal([true, false, false], (await RowReasonsAsync(editor.Id)).Select(r => r is null));
        Assert.Equal([library.VideoIds[0]], (await Previews.PreviewAsync(editor.Id, library.VideoIds)).Deletable.Select(i => i.Id));
    }

    [Fact]
    public async Task An_editor_granted_no_category_may_delete_nothing_and_is_told_to_ask_for_grants()
    {
        await MirroredLibraryAsync();
        var editor = await App.CreateUserAsync(RoleNames.Editor);

        var answer = await Previews.MayDeleteAnyAsync(editor.Id);

        const string askForGrants = "No categories are granted to you, so there is no video you may delete; ask an administrator to grant you categories.";
        Assert.Equal((ResultStatus.Forbidden, askForGrants), (answer.Status, answer.Error));
        Assert.Equal(["You can delete only videos in the categories granted to you; this one is in \"News\", which is not granted to you.", NotGranted, NoCategory],
            await RowReasonsAsync(editor.Id));
    }

    [Fact]
    public async Task An_administrator_may_delete_every_video_and_a_viewer_none()
    {
        var (admin, all) = await MirroredLibraryAsync();
        var viewer = await App.CreateUserAsync(RoleNames.Viewer);

        Assert.Equal([null, null, null], await RowReasonsAsync(admin.Id));
        Assert.Equal(all, (await Previews.PreviewAsync(admin.Id, all)).Deletable.Select(i => i.Id));
        Assert.True((await Previews.MayDeleteAnyAsync(admin.Id)).IsSuccess);

        Assert.All(await RowReasonsAsync(viewer.Id), r => Assert.Equal("Your roles do not allow deleting assets.", r));
        Assert.Empty((await Previews.PreviewAsync(viewer.Id, all)).Deletable);
        Assert.Equal("Your roles do not allow deleting assets.", (await Previews.MayDeleteAnyAsync(viewer.Id)).Error);
    }

    /// <summary>An administrator and three mirrored videos, by title: one in News, one in Sport, one without a category.</summary>
    private async Task<(MediaUser Admin, string[] VideoIds)> MirroredLibraryAsync()
    {
        await App.AddCategoriesAsync((News, "News"), (Sport, "Sport"));
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var news = await App.AddVideoInCategoryAsync(admin.Id, News, "A news video");
        var sport = await App.AddVideoInCategoryAsync(admin.Id, Sport, "B sport video");
        var uncategorised = await App.AddVideoInCategoryAsync(admin.Id, null, "C loose video");
        return (admin, [news.Id, sport.Id, uncategorised.Id]);
    }

    private CategoryGrants Grants => App.Services.GetRequiredService<CategoryGrants>();

    private DeletionPreviewService Previews => App.Services.GetRequiredService<DeletionPreviewService>();

    /// <summary>Each library row's refusal for the caller, by title: news, sport, uncategorised.</summary>
    private async Task<List<string?>> RowReasonsAsync(string userId)
    {
        var page = await App.Services.GetRequiredService<LibraryQueryService>()
            .QueryAsync(userId, new LibraryQuery { Sort = LibrarySort.Title, Descending = false });
        return page.Value.Rows.Select(r => r.DeleteDeniedReason).ToList();
    }
}
