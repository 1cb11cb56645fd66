using Bunit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Web.Components.Pages.Library;

namespace MediaAdmin.Tests.Components;

/// <summary>The library page rendered by bUnit over the real Core services on a real SQLite file.</summary>
public sealed class LibraryPageTests : LibraryPageTest
{
    [Fact]
    public async Task Rows_load_from_the_server_with_not_deletable_ones_marked_and_the_view_in_the_url()
    {
        var (editor, own, theirs) = await ArrangeAsync();
        var page = RenderAs(editor);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));

        Assert.Contains(theirs.Title, page.Find("tr:has([data-testid=not-deletable])").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(own.Title, page.Find("tr:has([data-testid=not-deletable])").TextContent, StringComparison.Ordinal);
        Assert.Equal("http://localhost/", Navigation.Uri);
    }

    [Fact]
    public async Task A_view_in_the_url_is_shown_and_written_back_in_its_canonical_form()
    {
        var (editor, own, theirs) = await ArrangeAsync();
        await App.AddAssetAsync(editor.Id, title: "Unrelated interview");

        var page = RenderAs(editor, "/?dir=asc&sort=TITLE&q=clip&size=10&page=1");

        page.WaitForAssertion(() => Assert.Equal([own.Title, theirs.Title], page.FindAll("[data-testid=row-title]").Select(e => e.TextContent)));
        Assert.Equal("http://localhost/?size=10&sort=title&dir=asc&q=clip", Navigation.Uri);
    }

    [Fact]
    public async Task A_viewer_can_select_and_copy_ids_but_is_not_offered_delete()
    {
        var (_, own, theirs) = await ArrangeAsync();
        var viewer = await App.CreateUserAsync(RoleNames.Viewer);
        var page = RenderAs(viewer);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));

        page.Find($"[data-testid=select-{own.Id}] input, input[data-testid=select-{own.Id}]").Change(true);
        page.Find($"[data-testid=select-{theirs.Id}] input, input[data-testid=select-{theirs.Id}]").Change(true);
        page.Find("[data-testid=copy-selected-ids]").Click();

        var deleteButton = page.Find("[data-testid=delete-selected]");
        Assert.True(deleteButton.HasAttribute("disabled"));
        Assert.Equal("Your roles do not allow deleting assets.", deleteButton.GetAttribute("title"));
        Assert.Equal("2 / 20 selected", page.Find("[data-testid=selection-counter]").TextContent.Trim());
        Assert.Equal($"{own.Id},{theirs.Id}", JSInterop.VerifyInvoke("mediaAdmin.copyText").Arguments[0]);
    }

    [Fact]
    public async Task An_editor_is_offered_delete_once_something_is_selected()
    {
        var (editor, own, _) = await ArrangeAsync();
        var page = RenderAs(editor);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));
        Assert.True(page.Find("[data-testid=delete-selected]").HasAttribute("disabled"));

        page.Find($"[data-testid=select-{own.Id}] input, input[data-testid=select-{own.Id}]").Change(true);

        Assert.False(page.Find("[data-testid=delete-selected]").HasAttribute("disabled"));
        Assert.Null(page.Instance.DeleteRefusal);
    }

    [Fact]
    public async Task Ids_and_titles_are_shortened_in_the_grid_but_whole_on_hover_and_in_the_copy_button()
    {
        var (editor, _, theirs) = await ArrangeAsync();
        var page = RenderAs(editor);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));

        var row = page.Find($"tr:has([data-testid=row-id][title='{theirs.Id}'])");
        row.QuerySelector($"[title='Copy {theirs.Id}']")!.Click();

        Assert.Contains("id-text", row.QuerySelector("[data-testid=row-id]")!.ClassList);
        Assert.Equal(theirs.Title, row.QuerySelector("[data-testid=row-title]")!.GetAttribute("title"));
        Assert.NotNull(row.QuerySelector(".title-cell [data-testid=not-deletable]"));
        Assert.Equal(theirs.Id, JSInterop.VerifyInvoke("mediaAdmin.copyText").Arguments[0]);
    }

    [Fact]
    public async Task Selecting_fills_the_counter_and_tray_and_the_tray_removes_again()
    {
        var (editor, own, theirs) = await ArrangeAsync();
        var page = RenderAs(editor);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));

        page.Find($"[data-testid=select-{own.Id}] input, input[data-testid=select-{own.Id}]").Change(true);
        page.Find($"[data-testid=select-{theirs.Id}] input, input[data-testid=select-{theirs.Id}]").Change(true);

        Assert.Equal("2 / 20 selected", page.Find("[data-testid=selection-counter]").TextContent.Trim());
        Assert.Equal([own.Title, theirs.Title], page.FindAll("[data-testid=selected-item]").Select(e => e.TextContent.Trim()));
        Assert.Equal(theirs.Id, page.Instance.Selection.Items.Single(i => !i.CanDelete).Id);
    }

    [Fact]
    public async Task A_21st_pick_is_refused_with_the_reason()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var assets = await App.AddAssetsAsync(editor.Id, 21, 1, 1);
        var page = RenderAs(editor);
        page.WaitForAssertion(() => Assert.Equal(21, page.FindAll("[data-testid=row-id]").Count));

        foreach (var asset in assets)
        {
            page.Find($"[data-testid=select-{asset.Id}] input, input[data-testid=select-{asset.Id}]").Change(true);
        }

        Assert.Equal("20 / 20 selected", page.Find("[data-testid=selection-counter]").TextContent.Trim());
        Assert.Equal("At most 20 assets can be deleted at once; remove one from the selection first.", page.Instance.SelectionRefusal);
        Assert.DoesNotContain(assets[20].Id, page.Instance.Selection.ToVideoIds(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deletion_elsewhere_drops_the_asset_from_the_selection_and_the_grid()
    {
        var (editor, own, _) = await ArrangeAsync();
        var page = RenderAs(editor);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));
        page.Find($"[data-testid=select-{own.Id}] input, input[data-testid=select-{own.Id}]").Change(true);

        await App.Deletion.DeleteAsync(new DeletionCaller(editor.Id, Core.Audit.DeletionChannel.Api), own.Id);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=row-id]")));
        Assert.Equal("0 / 20 selected", page.Find("[data-testid=selection-counter]").TextContent.Trim());
    }


    private async Task<(Core.Accounts.MediaUser Editor, MediaAsset Own, MediaAsset Theirs)> ArrangeAsync()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var colleague = await App.CreateUserAsync(RoleNames.Editor);
        var own = await App.AddAssetAsync(editor.Id, title: "Own clip");
        var theirs = await App.AddAssetAsync(colleague.Id, title: "Their clip");
        return (editor, own, theirs);
    }
}
