using Bunit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Web.Components.Pages.Library;
using Microsoft.AspNetCore.Components.Web;

namespace MediaAdmin.Tests.Components;

/// <summary>The library table's sorting, paging, keyboard access and empty view, on the real page over a real SQLite file.</summary>
public sealed class LibraryTableTests : LibraryPageTest
{
    [Fact]
    public async Task Clicking_the_title_header_sorts_by_title_and_clicking_it_again_reverses_the_order()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        foreach (var title in new[] { "Bravo", "Alpha", "Charlie" })
        {
            await App.AddAssetAsync(editor.Id, title: title);
        }

        var page = RenderAs(editor);
        page.WaitForAssertion(() => Assert.Equal(["Charlie", "Alpha", "Bravo"], Titles(page)));
        Assert.Equal("descending", SortHeader(page, "created").GetAttribute("aria-sort"));
        Assert.Equal("none", SortHeader(page, "title").GetAttribute("aria-sort"));

        page.Find("[data-testid=sort-title]").Click();

        page.WaitForAssertion(() => Assert.Equal(["Alpha", "Bravo", "Charlie"], Titles(page)));
        Assert.Equal("ascending", SortHeader(page, "title").GetAttribute("aria-sort"));
        Assert.Equal("none", SortHeader(page, "created").GetAttribute("aria-sort"));
        Assert.Equal("http://localhost/?sort=title&dir=asc", Navigation.Uri);

        page.Find("[data-testid=sort-title]").Click();

        page.WaitForAssertion(() => Assert.Equal(["Charlie", "Bravo", "Alpha"], Titles(page)));
        Assert.Equal("descending", SortHeader(page, "title").GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task A_smaller_page_size_and_the_next_and_last_buttons_page_through_the_library_with_the_range_shown()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        await App.AddAssetsAsync(editor.Id, 23, 1, 1);
        var page = RenderAs(editor);
        page.WaitForAssertion(() => Assert.Equal(23, Titles(page).Count));
        Assert.Equal("1-23 of 23", PagerInfo(page));
        Assert.True(PagerButton(page, "Next page").HasAttribute("disabled"));

        page.Find("[data-testid=page-size]").Change("10");

        page.WaitForAssertion(() => Assert.Equal("1-10 of 23", PagerInfo(page)));
        Assert.Equal(10, Titles(page).Count);
        var firstPage = Titles(page);

        PagerButton(page, "Next page").Click();

        page.WaitForAssertion(() => Assert.Equal("11-20 of 23", PagerInfo(page)));
        Assert.Empty(Titles(page).Intersect(firstPage));
        Assert.Equal("http://localhost/?page=2&size=10", Navigation.Uri);

        PagerButton(page, "Last page").Click();

        page.WaitForAssertion(() => Assert.Equal("21-23 of 23", PagerInfo(page)));
        Assert.Equal(3, Titles(page).Count);
        Assert.True(PagerButton(page, "Next page").HasAttribute("disabled"));
        Assert.False(PagerButton(page, "First page").HasAttribute("disabled"));
    }

    [Fact]
    public void The_pager_says_10000_plus_when_the_count_is_capped_and_still_offers_the_next_page()
    {
        var pager = Render<LibraryPager>(p => p.Add(c => c.Window, new LibraryPageWindow(1, 25, LibraryResult.CountCap, CountIsCapped: true)));

        Assert.Equal("26-50 of 10,000+", pager.Find("[data-testid=pager-info]").TextContent);
        Assert.False(pager.Find("button[aria-label='Next page']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Enter_on_a_focused_row_opens_its_drawer_but_other_keys_and_the_copy_button_do_not()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var asset = await App.AddAssetAsync(editor.Id, title: "Harbour by keyboard");
        var page = RenderAs(editor);
        page.WaitForAssertion(() => Assert.Single(Titles(page)));

        page.Find($"button[title='Copy {asset.Id}']").Click();
        Assert.Empty(page.FindAll("[data-testid=asset-drawer]"));
        page.Find("[data-testid=library-grid] tbody tr").KeyDown(new KeyboardEventArgs { Key = "ArrowDown" });
        Assert.Empty(page.FindAll("[data-testid=asset-drawer]"));

        page.Find("[data-testid=library-grid] tbody tr").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Equal("Harbour by keyboard", page.Find("[data-testid=drawer-title]").TextContent.Trim()));
        Assert.Equal("0", page.Find("[data-testid=library-grid] tbody tr").GetAttribute("tabindex"));
    }

    [Fact]
    public async Task A_view_that_matches_nothing_says_so_and_offers_no_pages()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        await App.AddAssetAsync(editor.Id, title: "Harbour at dawn");

        var page = RenderAs(editor, "/?q=lighthouse");

        page.WaitForAssertion(() => Assert.Equal("No assets match this view.", page.Find("[data-testid=no-records]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=row-title]"));
        Assert.Equal("0-0 of 0", PagerInfo(page));
        Assert.True(PagerButton(page, "Next page").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Titles_and_owner_names_with_markup_in_them_show_as_text_in_their_cells()
    {
        const string Title = "<img src=x onerror=alert(1)> Harbour & \"dawn\" </td>";
        const string Owner = "<b>Eve</b> & co";
        var editor = await App.CreateUserAsync(RoleNames.Editor, Owner);
        await App.AddAssetAsync(editor.Id, title: Title);

        var page = RenderAs(editor);

        page.WaitForAssertion(() => Assert.Equal([Title], Titles(page)));
        var row = page.Find("tbody tr");
        Assert.Equal(Title, page.Find("[data-testid=row-title]").GetAttribute("title"));
        Assert.Equal(Owner, row.QuerySelector("td[data-label=Owner]")!.TextContent);
        Assert.Empty(row.QuerySelectorAll("b, td:not([class]) img, img:not(.media-thumb)"));
        Assert.Equal(11, row.QuerySelectorAll("td").Length);
    }

    private static List<string> Titles(IRenderedComponent<LibraryPage> page) => page.FindAll("[data-testid=row-title]").Select(e => e.TextContent).ToList();

    private static AngleSharp.Dom.IElement SortHeader(IRenderedComponent<LibraryPage> page, string column) =>
        page.Find($"[data-testid=sort-{column}]").ParentElement!;

    private static string PagerInfo(IRenderedComponent<LibraryPage> page) => page.Find("[data-testid=pager-info]").TextContent;

    private static AngleSharp.Dom.IElement PagerButton(IRenderedComponent<LibraryPage> page, string label) =>
        page.Find($"[data-testid=library-pager] button[aria-label='{label}']");
}
