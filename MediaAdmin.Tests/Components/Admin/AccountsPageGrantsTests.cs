using Bunit;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Accounts;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace MediaAdmin.Tests.Components.Admin;

/// <summary>With the AlibabaVod source administrators see each Editor's categories on the accounts page and edit them in a dialog.</summary>
public sealed class AccountsPageGrantsTests : AccountsPageTest
{
    protected override IDictionary<string, string?> HostSettings => AlibabaVodSourceHost.Settings;

    [Fact]
    public async Task An_administrator_sees_an_editors_categories_and_changes_them_in_the_dialog()
    {
        var (admin, editor, viewer) = await AccountsWithNewsGrantedAsync();
        var (page, dialogs) = RenderAs(admin);

        Assert.Contains(page.FindAll("th"), th => th.TextContent == "Categories");
        Assert.Equal("News", RowOf(page, editor).QuerySelector("[data-testid=granted-categories]")!.TextContent);
        Assert.Empty(RowOf(page, admin).QuerySelectorAll("[data-testid=edit-grants]"));
        Assert.Empty(RowOf(page, viewer).QuerySelectorAll("[data-testid=edit-grants]"));

        RowOf(page, editor).QuerySelector("[data-testid=edit-grants]")!.Click();
        var select = dialogs.FindComponent<MudSelect<string>>();
        await select.InvokeAsync(() => select.Instance.SelectOption("Sport"));
        await select.InvokeAsync(() => select.Instance.SelectOption("News"));
        await select.InvokeAsync(() => select.Instance.SelectOption("Weather"));
        dialogs.Find("[data-testid=grants-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=grants-dialog]")));
        page.WaitForAssertion(() => Assert.Equal("Sport, Weather", RowOf(page, editor).QuerySelector("[data-testid=granted-categories]")!.TextContent));
        Assert.Equal([1002L, 1003L], await App.GrantedCategoryIdsAsync(editor.Id));
    }

    [Fact]
    public async Task A_refused_save_keeps_the_dialog_open_with_the_reason_and_cancel_changes_nothing()
    {
        var (admin, editor, _) = await AccountsWithNewsGrantedAsync();
        var (page, dialogs) = RenderAs(admin);
        RowOf(page, editor).QuerySelector("[data-testid=edit-grants]")!.Click();
        var select = dialogs.FindComponent<MudSelect<string>>();
        await select.InvokeAsync(() => select.Instance.SelectOption("Sport"));

        // The account's categories changed on the remote after the dialog opened.
        await using (var db = await App.OpenDbAsync())
        {
            await db.Categories.Where(c => c.Name == "Sport").ExecuteDeleteAsync();
        }

        dialogs.Find("[data-testid=grants-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(
            "No such category: \"Sport\". Nothing was changed.", dialogs.Find("[data-testid=grants-problem]").TextContent));
        Assert.Equal([1001L], await App.GrantedCategoryIdsAsync(editor.Id));

        dialogs.Find("[data-testid=grants-cancel]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=grants-dialog]")));
        Assert.Equal("News", RowOf(page, editor).QuerySelector("[data-testid=granted-categories]")!.TextContent);
        Assert.Equal([1001L], await App.GrantedCategoryIdsAsync(editor.Id));
    }

    [Fact]
    public async Task An_administrator_grants_one_of_two_categories_sharing_a_name_from_the_dialog()
    {
        var (admin, editor, _) = await AccountsWithNewsGrantedAsync();
        await App.AddCategoriesAsync((3001, "Clips"), (3002, "Clips"));
        var (page, dialogs) = RenderAs(admin);

        RowOf(page, editor).QuerySelector("[data-testid=edit-grants]")!.Click();
        var select = dialogs.FindComponent<MudSelect<string>>();
        Assert.Contains(dialogs.FindComponents<MudSelectItem<string>>(), item => item.Instance.Value == "3001");
        await select.InvokeAsync(() => select.Instance.SelectOption("3002"));
        dialogs.WaitForAssertion(() => Assert.Contains(dialogs.FindAll("input"), input => input.GetAttribute("value") == "News, Clips (CateId 3002)"));
        dialogs.Find("[data-testid=grants-save]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=grants-dialog]")));
        page.WaitForAssertion(() => Assert.Equal("Clips (CateId 3002), News", RowOf(page, editor).QuerySelector("[data-testid=granted-categories]")!.TextContent));
        Assert.Equal([1001L, 3002L], await App.GrantedCategoryIdsAsync(editor.Id));
    }

    private async Task<(Core.Accounts.MediaUser Admin, Core.Accounts.MediaUser Editor, Core.Accounts.MediaUser Viewer)> AccountsWithNewsGrantedAsync()
    {
        await App.AddCategoriesAsync((1001, "News"), (1002, "Sport"), (1003, "Weather"));
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var viewer = await App.CreateUserAsync(RoleNames.Viewer);
        Assert.True((await Grants.ReplaceAsync(admin.Id, editor.Id, ["News"])).IsSuccess);
        return (admin, editor, viewer);
    }
}
