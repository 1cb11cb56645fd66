using Bunit;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using Microsoft.AspNetCore.Components.Web;

namespace MediaAdmin.Tests.Components;

/// <summary>The library's native filter inputs change the rows and the URL as the MudBlazor fields did, on a real SQLite file.</summary>
public sealed class LibraryFiltersTests : LibraryPageTest
{
    [Fact]
    public async Task Choosing_a_type_filters_the_rows_into_the_url_and_choosing_any_clears_it()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        await App.AddAssetsAsync(editor.Id, 2, 1, 1);
        var page = RenderAs(editor);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));

        page.Find("[data-testid=type-filter]").Change(nameof(MediaType.Audio));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=no-records]")));
        Assert.Equal("http://localhost/?type=audio", Navigation.Uri);
        Assert.Equal("Audio", page.Find("[data-testid=type-filter]").GetAttribute("value"));

        page.Find("[data-testid=type-filter]").Change(string.Empty);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));
        Assert.Equal("http://localhost/", Navigation.Uri);
    }

    [Fact]
    public async Task A_category_from_the_url_is_cleared_by_its_any_option()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        await App.AddAssetAsync(editor.Id, title: "Uncategorised clip");
        var page = RenderAs(editor, "/?cat=987&status=normal");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=no-records]")));
        Assert.Equal("Normal", page.Find("[data-testid=status-filter]").GetAttribute("value"));

        page.Find("[data-testid=category-filter]").Change(string.Empty);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=row-id]")));
        Assert.Equal("http://localhost/?status=normal", Navigation.Uri);
    }

    [Fact]
    public async Task Mine_shows_only_the_users_own_assets_and_unticking_it_shows_all_again()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var colleague = await App.CreateUserAsync(RoleNames.Editor);
        var own = await App.AddAssetAsync(editor.Id, title: "Own clip");
        await App.AddAssetAsync(colleague.Id, title: "Their clip");
        var page = RenderAs(editor);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));

        page.Find("[data-testid=mine] input").Change(true);

        page.WaitForAssertion(() => Assert.Equal([own.Title], page.FindAll("[data-testid=row-title]").Select(e => e.TextContent)));
        Assert.Equal("http://localhost/?mine=1", Navigation.Uri);

        page.Find("[data-testid=mine] input").Change(false);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));
        Assert.Equal("http://localhost/", Navigation.Uri);
    }

    [Fact]
    public async Task Typing_a_search_applies_it_only_on_enter_and_its_clear_button_shows_everything_again()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var harbour = await App.AddAssetAsync(editor.Id, title: "Harbour at dawn");
        await App.AddAssetAsync(editor.Id, title: "Market square");
        var page = RenderAs(editor);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));

        page.Find("[data-testid=search]").Input("harbour");
        page.Find("[data-testid=search]").KeyUp(new KeyboardEventArgs { Key = "h" });
        Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count);
        page.Find("[data-testid=search]").KeyUp(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Equal([harbour.Title], page.FindAll("[data-testid=row-title]").Select(e => e.TextContent)));
        Assert.Equal("http://localhost/?q=harbour", Navigation.Uri);

        page.Find("[data-testid=search-clear]").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));
        Assert.Equal("http://localhost/", Navigation.Uri);
        Assert.Equal(string.Empty, page.Find("[data-testid=search]").GetAttribute("value") ?? string.Empty);
        Assert.Empty(page.FindAll("[data-testid=search-clear]"));
    }

    [Fact]
    public async Task An_exact_id_applies_on_enter_and_its_clear_button_removes_it()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var wanted = await App.AddAssetAsync(editor.Id, title: "Wanted");
        await App.AddAssetAsync(editor.Id, title: "Other");
        var page = RenderAs(editor);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));

        page.Find("[data-testid=id-search]").Input(wanted.Id);
        page.Find("[data-testid=id-search]").KeyUp(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Equal([wanted.Title], page.FindAll("[data-testid=row-title]").Select(e => e.TextContent)));
        Assert.Equal($"http://localhost/?id={wanted.Id}", Navigation.Uri);

        page.Find("[data-testid=id-search-clear]").Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));
        Assert.Equal("http://localhost/", Navigation.Uri);
    }
}
