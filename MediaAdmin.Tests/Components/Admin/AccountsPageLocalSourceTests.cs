using Bunit;
using MediaAdmin.Core.Permissions;

namespace MediaAdmin.Tests.Components.Admin;

/// <summary>With the local library assets have owners, so the accounts page shows no categories.</summary>
public sealed class AccountsPageLocalSourceTests : AccountsPageTest
{
    [Fact]
    public async Task With_the_local_source_the_page_shows_no_categories()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var editor = await App.CreateUserAsync(RoleNames.Editor);

        var (page, _) = RenderAs(admin);

        Assert.Contains(editor.Email!, RowOf(page, editor).TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=account-grants]"));
        Assert.DoesNotContain(page.FindAll("th"), th => th.TextContent == "Categories");
    }
}
