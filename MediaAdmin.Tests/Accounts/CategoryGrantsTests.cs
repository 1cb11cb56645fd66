using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Accounts;

/// <summary>Administrators grant categories to Editors, through the service the accounts page and the CLI call.</summary>
public sealed class CategoryGrantsTests : CoreHostTest
{
    private const long News = 1001;
    private const long Sport = 1002;
    private const long Weather = 1003;

    protected override IDictionary<string, string?> HostSettings => AlibabaVodSourceHost.Settings;

    private CategoryGrants Grants => App.Services.GetRequiredService<CategoryGrants>();

    [Fact]
    public async Task Names_are_trimmed_matched_regardless_of_case_counted_once_and_take_effect_at_once()
    {
        var (admin, editor) = await CategoriesWithAdministratorAndEditorAsync();

        var granted = await Grants.ReplaceAsync(admin.Id, editor.Id, [" sport ", "NEWS", "news", "", "MÉTÉO"]);

        Assert.Equal(["Météo", "News", "Sport"], granted.Value.CategoryNames);
        Assert.Equal((editor.Id, editor.Email), (granted.Value.UserId, granted.Value.Email));
        Assert.Equal([News, Sport, Weather], (await Permissions(editor.Id)).Order());

        var replaced = await Grants.ReplaceAsync(admin.Id, editor.Id, ["Météo"]);

        Assert.Equal(["Météo"], replaced.Value.CategoryNames);
        Assert.Equal([Weather], await Permissions(editor.Id));
    }

    [Fact]
    public async Task An_empty_list_clears_the_grants()
    {
        var (admin, editor) = await CategoriesWithAdministratorAndEditorAsync();
        await Grants.ReplaceAsync(admin.Id, editor.Id, ["News", "Sport"]);

        var cleared = await Grants.ReplaceAsync(admin.Id, editor.Id, []);

        Assert.Empty(cleared.Value.CategoryNames);
        Assert.Empty(await App.GrantedCategoryIdsAsync(editor.Id));
        Assert.Empty(await Permissions(editor.Id));
    }

    [Fact]
    public async Task Names_that_match_no_category_are_each_named_and_nothing_changes()
    {
        var (admin, editor) = await CategoriesWithAdministratorAndEditorAsync();
        await Grants.ReplaceAsync(admin.Id, editor.Id, ["News"]);

        var result = await Grants.ReplaceAsync(admin.Id, editor.Id, ["Sport", "Fashion", " Cooking "]);

        Assert.Equal((ResultStatus.Invalid, "No such category: \"Fashion\", \"Cooking\". Nothing was changed."), (result.Status, result.Error));
        Assert.Equal([News], await App.GrantedCategoryIdsAsync(editor.Id));
    }

    [Fact]
    public async Task Names_differing_only_in_case_need_the_exact_spelling()
    {
        var (admin, editor) = await CategoriesWithAdministratorAndEditorAsync();
        await App.AddCategoriesAsync((2001, "Archive"), (2002, "ARCHIVE"));

        var ambiguous = await Grants.ReplaceAsync(admin.Id, editor.Id, ["archive"]);
        var exact = await Grants.ReplaceAsync(admin.Id, editor.Id, ["ARCHIVE"]);

        Assert.Equal(ResultStatus.Invalid, ambiguous.Status);
        Assert.Equal("\"archive\" could be \"Archive\" or \"ARCHIVE\": write the name exactly as it is spelt. Nothing was changed.", ambiguous.Error);
        Assert.Equal(["ARCHIVE"], exact.Value.CategoryNames);
    }

    [Fact]
    public async Task A_name_several_categories_share_is_refused_with_their_ids_and_a_cate_id_grants_the_one_meant()
    {
        var (admin, editor) = await CategoriesWithAdministratorAndEditorAsync();
        await App.AddCategoriesAsync((3001, "Clips"), (3002, "Clips"));

        var shared = await Grants.ReplaceAsync(admin.Id, editor.Id, ["Clips"]);
        var byId = await Grants.ReplaceAsync(admin.Id, editor.Id, ["3002"]);

        Assert.Equal((ResultStatus.Invalid, "\"Clips\" names 2 categories (CateId 3001, 3002): write the CateId of the one you mean. Nothing was changed."), (shared.Status, shared.Error));
        Assert.Equal(["Clips"], byId.Value.CategoryNames);
        await using var db = await App.OpenDbAsync();
        Assert.Equal([3002L], db.CategoryGrants.Where(g => g.UserId == editor.Id).Select(g => g.CategoryId).ToList());
    }

    [Theory]
    [InlineData(RoleNames.Administrator, "is an Administrator: administrators may delete any video, so categories are granted only to Editors. Nothing was changed.")]
    [InlineData(RoleNames.Viewer, "is a Viewer, not an Editor: viewers may delete no video, so categories are granted only to Editors. Nothing was changed.")]
    public async Task Only_editors_hold_grants_and_the_refusal_says_why(string role, string reason)
    {
        var (admin, _) = await CategoriesWithAdministratorAndEditorAsync();
        var account = await App.CreateUserAsync(role);

        var result = await Grants.ReplaceAsync(admin.Id, account.Id, ["News"]);

        Assert.Equal((ResultStatus.Invalid, $"{account.Email} {reason}"), (result.Status, result.Error));
        Assert.Empty(await App.GrantedCategoryIdsAsync(account.Id));
    }

    [Fact]
    public async Task An_editor_made_viewer_or_administrator_loses_the_grants_and_one_staying_editor_keeps_them()
    {
        var (admin, editor) = await CategoriesWithAdministratorAndEditorAsync();
        var demoted = await App.CreateUserAsync(RoleNames.Editor);
        var promoted = await App.CreateUserAsync(RoleNames.Editor);
        foreach (var account in new[] { editor, demoted, promoted })
        {
            await Grants.ReplaceAsync(admin.Id, account.Id, ["News"]);
        }

        await using var scope = App.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        Assert.True((await accounts.SetRolesAsync(admin.Id, editor.Id, [RoleNames.Editor])).IsSuccess);
        Assert.True((await accounts.SetRolesAsync(admin.Id, demoted.Id, [RoleNames.Viewer])).IsSuccess);
        Assert.True((await accounts.SetRolesAsync(admin.Id, promoted.Id, [RoleNames.Editor, RoleNames.Administrator])).IsSuccess);

        Assert.Equal([News], await App.GrantedCategoryIdsAsync(editor.Id));
        Assert.Empty(await App.GrantedCategoryIdsAsync(demoted.Id));
        Assert.Empty(await App.GrantedCategoryIdsAsync(promoted.Id));
    }

    [Fact]
    public async Task An_unknown_account_is_not_found_and_a_caller_who_may_not_manage_accounts_is_refused()
    {
        var (admin, editor) = await CategoriesWithAdministratorAndEditorAsync();
        var colleague = await App.CreateUserAsync(RoleNames.Editor);

        var unknown = await Grants.ReplaceAsync(admin.Id, "no-such-account", ["News"]);
        var byEmail = await Grants.ReplaceFromCommandLineAsync("nobody@example.com", ["News"]);
        var byEditor = await Grants.ReplaceAsync(editor.Id, colleague.Id, ["News"]);
        var overview = await Grants.OverviewAsync(editor.Id);

        Assert.Equal((ResultStatus.NotFound, "That account no longer exists."), (unknown.Status, unknown.Error));
        Assert.Equal((ResultStatus.NotFound, "No account for nobody@example.com."), (byEmail.Status, byEmail.Error));
        Assert.Equal(ResultStatus.Forbidden, byEditor.Status);
        Assert.Equal(ResultStatus.Forbidden, overview.Status);
        Assert.Empty(await App.GrantedCategoryIdsAsync(colleague.Id));
    }

    [Fact]
    public async Task The_overview_lists_every_category_the_editors_and_what_each_holds()
    {
        var (admin, editor) = await CategoriesWithAdministratorAndEditorAsync();
        var other = await App.CreateUserAsync(RoleNames.Editor);
        var viewer = await App.CreateUserAsync(RoleNames.Viewer);
        await Grants.ReplaceFromCommandLineAsync(editor.Email!.ToUpperInvariant(), ["sport", "news"]);

        var overview = (await Grants.OverviewAsync(admin.Id)).Value;

        Assert.Equal(["Météo", "News", "Sport"], overview.Categories.Select(c => c.Label));
        Assert.Equal(new[] { editor.Id, other.Id }.Order(), overview.GranteeIds.Order());
        Assert.DoesNotContain(viewer.Id, overview.GranteeIds);
        Assert.Equal(["News", "Sport"], overview.GrantedTo(editor.Id).Select(c => c.Label));
        Assert.Empty(overview.GrantedTo(other.Id));
    }

    [Fact]
    public async Task Categories_sharing_a_name_in_any_letter_case_are_told_apart_by_cate_id_and_can_all_be_granted()
    {
        var (admin, editor) = await CategoriesWithAdministratorAndEditorAsync();
        await App.AddCategoriesAsync((3001, "Clips"), (3002, "Clips"), (2001, "Archive"), (2002, "ARCHIVE"));
        await Grants.ReplaceAsync(admin.Id, editor.Id, ["3002", "ARCHIVE"]);

        var overview = (await Grants.OverviewAsync(admin.Id)).Value;

        Assert.Equal(
            ["Archive (CateId 2001)", "ARCHIVE (CateId 2002)", "Clips (CateId 3001)", "Clips (CateId 3002)", "Météo", "News", "Sport"],
            overview.Categories.Select(c => c.Label));
        Assert.Equal(["ARCHIVE (CateId 2002)", "Clips (CateId 3002)"], overview.GrantedTo(editor.Id).Select(c => c.Label));
        Assert.Equal(["2002", "3002"], overview.GrantedTo(editor.Id).Select(c => c.Key));

        var both = await Grants.ReplaceAsync(admin.Id, editor.Id, overview.Categories.Where(c => c.Name.Equals("archive", StringComparison.OrdinalIgnoreCase)).Select(c => c.Key).ToList());
        Assert.True(both.IsSuccess);
        Assert.Equal([2001L, 2002L], await App.GrantedCategoryIdsAsync(editor.Id));
    }

    private async Task<(MediaUser Administrator, MediaUser Editor)> CategoriesWithAdministratorAndEditorAsync()
    {
        await App.AddCategoriesAsync((News, "News"), (Sport, "Sport"), (Weather, "Météo"));
        return (await App.CreateUserAsync(RoleNames.Administrator), await App.CreateUserAsync(RoleNames.Editor));
    }

    private async Task<IReadOnlySet<long>> Permissions(string userId) =>
        (await App.Services.GetRequiredService<PermissionService>().GetAsync(userId)).GrantedCategoryIds;
}
