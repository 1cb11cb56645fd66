using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public void The_menu_button_opens_or_closes_the_drawer_on_each_click()
    {
        var layout = RenderLayout();
        bool IsOpen() => layout.Find(".mud-drawer").ClassList.Contains("mud-drawer--open");
        var atStart = IsOpen();

        layout.Find("button[aria-label=Menu]").Click();
        Assert.NotEqual(atStart, IsOpen());

        layout.Find("button[aria-label=Menu]").Click();
        Assert.Equal(atStart, IsOpen());
    }

    [Fact]
    public void The_header_names_the_user_and_both_sign_out_buttons_post_the_logout_form_with_its_token()
    {
        var layout = RenderLayout();
        Assert.Equal("editor@example.test", layout.Find("[data-testid=signed-in-as]").TextContent);

        layout.Find("[data-testid=account-menu]").Click();

        layout.WaitForAssertion(() => Assert.Equal("editor@example.test", layout.Find("[data-testid=account-menu-email]").TextContent));
        var forms = layout.FindAll("form:has([data-testid=sign-out])");
        Assert.Equal(2, forms.Count);
        Assert.All(forms, form =>
        {
            Assert.Equal(("Account/Logout", "post"), (form.GetAttribute("action"), form.GetAttribute("method")));
            Assert.Equal("submit", form.QuerySelector("[data-testid=sign-out]")!.GetAttribute("type"));
            Assert.Equal("layout-token", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));
        });
    }

    private IRenderedComponent<MainLayout> RenderLayout()
    {
        AddAuthorization().SetAuthorized("editor@example.test");
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
        return Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("layout-token", "__RequestVerificationToken");
    }
}
