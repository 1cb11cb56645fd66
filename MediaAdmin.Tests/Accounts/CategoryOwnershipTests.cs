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
public sealed class CategoryOwnershipTests : IAsyncLifetime
{
    private const long News = 1001;
    private const long Sport = 1002;

    private readonly TempFolder _folder = new();
    private CoreHost _app = null!;
    private Core.Accounts.MediaUser _admin = null!;
    private MediaAsset _news = null!;
    private MediaAsset _sport = null!;
    private MediaAsset _uncategorised = null!;

    public async Task InitializeAsync()
    {
        _app = await AlibabaVodSourceHost.StartAsync(_folder.Path);
        await _app.AddCategoriesAsync((News, "News"), (Sport, "Sport"));
        _admin = await _app.CreateUserAsync(RoleNames.Administrator);
        _news = await _app.AddVideoInCategoryAsync(_admin.Id, News, "A news video");
        _sport = await _app.AddVideoInCategoryAsync(_admin.Id, Sport, "B sport video");
        _uncategorised = await _app.AddVideoInCategoryAsync(_admin.Id, null, "C loose video");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task An_editor_may_delete_videos_in_granted_categories_and_is_told_which_category_refuses_the_others()
    {
        var editor = await _app.CreateUserAsync(RoleNames.Editor);
        await Grants.ReplaceAsync(_admin.Id, editor.Id, ["News"]);

        var reasons = await RowReasonsAsync(editor.Id);
        var preview = await Previews.PreviewAsync(editor.Id, [_news.Id, _sport.Id, _uncategorised.Id]);

        const string notGranted = "You can delete only videos in the categories granted to you; this one is in \"Sport\", which is not granted to you.";
        const string noCategory = "This video has no category, and you can delete only videos in the categories granted to you.";
        Assert.Equal([null, notGranted, noCategory], reasons);
        Assert.Equal([_news.Id], preview.Deletable.Select(i => i.Id));
        Assert.Equal([notGranted, noCategory], preview.Kept.Select(i => i.DeniedReason));
        Assert.True((await Previews.MayDeleteAnyAsync(editor.Id)).IsSuccess);
    }

    [Fact]
    public async Task A_new_grant_allows_at_once_and_a_removed_one_refuses_at_once()
    {
        var editor = await _app.CreateUserAsync(RoleNames.Editor);
        await Grants.ReplaceAsync(_admin.Id, editor.Id, ["Sport"]);
        Assert.Equal([false, true, false], (await RowReasonsAsync(editor.Id)).Select(r => r is null));

        await Grants.ReplaceAsync(_admin.Id, editor.Id, ["News"]);

        Assert.Equal([true, false, false], (await RowReasonsAsync(editor.Id)).Select(r => r is null));
        Assert.Equal([_news.Id], (await Previews.PreviewAsync(editor.Id, [_sport.Id, _news.Id])).Deletable.Select(i => i.Id));
    }

    [Fact]
    public async Task An_editor_granted_no_category_may_delete_nothing_and_is_told_to_ask_for_grants()
    {
        var editor = await _app.CreateUserAsync(RoleNames.Editor);

        var answer = await Previews.MayDeleteAnyAsync(editor.Id);

        Assert.Equal(ResultStatus.Forbidden, answer.Status);
        Assert.Equal("No categories are granted to you, so there is no video you may delete; ask an administrator to grant you categories.", answer.Error);
        Assert.All(await RowReasonsAsync(editor.Id), Assert.NotNull);
    }

    [Fact]
    public async Task An_administrator_may_delete_every_video_and_a_viewer_none()
    {
        var viewer = await _app.CreateUserAsync(RoleNames.Viewer);
        var all = new[] { _news.Id, _sport.Id, _uncategorised.Id };

        Assert.Equal([null, null, null], await RowReasonsAsync(_admin.Id));
        Assert.Equal(all, (await Previews.PreviewAsync(_admin.Id, all)).Deletable.Select(i => i.Id));
        Assert.True((await Previews.MayDeleteAnyAsync(_admin.Id)).IsSuccess);

        Assert.All(await RowReasonsAsync(viewer.Id), r => Assert.Equal("Your roles do not allow deleting assets.", r));
        Assert.Empty((await Previews.PreviewAsync(viewer.Id, all)).Deletable);
        Assert.Equal("Your roles do not allow deleting assets.", (await Previews.MayDeleteAnyAsync(viewer.Id)).Error);
    }

    private CategoryGrants Grants => _app.Services.GetRequiredService<CategoryGrants>();

    private DeletionPreviewService Previews => _app.Services.GetRequiredService<DeletionPreviewService>();

    /// <summary>Each library row's refusal for the caller, by title: news, sport, uncategorised.</summary>
    private async Task<List<string?>> RowReasonsAsync(string userId)
    {
        var page = await _app.Services.GetRequiredService<LibraryQueryService>()
            .QueryAsync(userId, new LibraryQuery { Sort = LibrarySort.Title, Descending = false });
        return page.Value.Rows.Select(r => r.DeleteDeniedReason).ToList();
    }
}
