using Bunit;
using MediaAdmin.Web.Authorization;
using MediaAdmin.Web.Components.Layout;
using MudBlazor;

namespace MediaAdmin.Tests.Components;

public sealed class NavMenuTests : ConsoleComponentTest
{
    [Fact]
    public void Account_managers_see_the_administration_menu()
    {
        AddAuthorization().SetAuthorized("admin").SetPolicies(PermissionPolicies.ManageAccounts);
        Render<MudPopoverProvider>();

        var menu = Render<NavMenu>();

        Assert.Single(menu.FindAll("[data-testid=admin-menu]"));
        Assert.Contains("Deletion audit", menu.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Everyone_else_sees_no_administration_entry_at_all()
    {
        AddAuthorization().SetAuthorized("editor");
        Render<MudPopoverProvider>();

        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll("[data-testid=admin-menu]"));
        Assert.DoesNotContain("admin/accounts", menu.Markup, StringComparison.Ordinal);
        Assert.Contains("CDN refresh", menu.Markup, StringComparison.Ordinal);
    }
}
