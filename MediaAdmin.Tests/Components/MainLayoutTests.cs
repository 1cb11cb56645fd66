using Bunit;
using MediaAdmin.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Components;

/// <summary>
/// The layout's drawer and account menu. Which menu button shows, and where the drawer sits, is the CSS's by width
/// (layout.css); these pin the state each button keeps and says, and the markup the CSS and the browser act on.
/// </summary>
public sealed class MainLayoutTests : ConsoleComponentTest
{
    [Fact]
    public void The_wide_menu_button_closes_the_docked_drawer_and_opens_it_again()
    {
        var layout = RenderLayout();
        Assert.Equal("true", MenuButton(layout, "docked").GetAttribute("aria-expanded"));
        Assert.DoesNotContain("console-docked-closed", LayoutClasses(layout));

        MenuButton(layout, "docked").Click();

        Assert.Equal("false", MenuButton(layout, "docked").GetAttribute("aria-expanded"));
        Assert.Contains("console-docked-closed", LayoutClasses(layout));

        MenuButton(layout, "docked").Click();

        Assert.Equal("true", MenuButton(layout, "docked").GetAttribute("aria-expanded"));
        Assert.DoesNotContain("console-docked-closed", LayoutClasses(layout));
    }

    [Fact]
    public void The_narrow_menu_button_opens_the_drawer_over_the_content_and_a_click_outside_it_closes_it()
    {
        var layout = RenderLayout();
        Assert.Equal("false", MenuButton(layout, "overlay").GetAttribute("aria-expanded"));
        Assert.Empty(layout.FindAll("[data-testid=drawer-scrim]"));

        MenuButton(layout, "overlay").Click();

        Assert.Equal("true", MenuButton(layout, "overlay").GetAttribute("aria-expanded"));
        Assert.Contains("console-overlay-open", LayoutClasses(layout));
        Assert.Equal("true", MenuButton(layout, "docked").GetAttribute("aria-expanded"));

        layout.Find("[data-testid=drawer-scrim]").Click();

        Assert.Equal("false", MenuButton(layout, "overlay").GetAttribute("aria-expanded"));
        Assert.DoesNotContain("console-overlay-open", LayoutClasses(layout));
        Assert.Empty(layout.FindAll("[data-testid=drawer-scrim]"));
    }

    [Fact]
    public void Choosing_a_link_closes_the_drawer_over_the_content_but_leaves_a_closed_docked_drawer_closed()
    {
        var layout = RenderLayout();
        MenuButton(layout, "overlay").Click();
        MenuButton(layout, "docked").Click();

        Services.GetRequiredService<NavigationManager>().NavigateTo("/cdn-refresh");

        layout.WaitForAssertion(() => Assert.Equal("false", MenuButton(layout, "overlay").GetAttribute("aria-expanded")));
        Assert.Equal("false", MenuButton(layout, "docked").GetAttribute("aria-expanded"));
        Assert.Contains("console-docked-closed", LayoutClasses(layout));
    }

    [Fact]
    public void Both_menu_buttons_name_the_drawer_that_holds_the_navigation()
    {
        var layout = RenderLayout();

        var drawer = layout.Find("aside[data-testid=drawer]");

        Assert.All(layout.FindAll("button[aria-label=Menu]"), button => Assert.Equal(drawer.Id, button.GetAttribute("aria-controls")));
        Assert.Equal(2, layout.FindAll("button[aria-label=Menu]").Count);
        Assert.NotNull(drawer.QuerySelector("nav.mud-navmenu"));
    }

    [Fact]
    public void The_phone_account_menu_is_a_popover_showing_the_email_and_sign_out()
    {
        var layout = RenderLayout();

        var button = layout.Find("[data-testid=account-menu]");
        var panel = layout.Find($"#{button.GetAttribute("popovertarget")}");

        Assert.True(panel.HasAttribute("popover"));
        Assert.Equal("editor@example.test", panel.QuerySelector("[data-testid=account-menu-email]")!.TextContent);
        Assert.NotNull(panel.QuerySelector("form[action='Account/Logout'] [data-testid=sign-out]"));
        Assert.Equal("account-compact", button.ParentElement!.GetAttribute("data-testid"));
    }

    [Fact]
    public void The_header_names_the_user_and_both_sign_out_buttons_post_the_logout_form_with_its_token()
    {
        var layout = RenderLayout();

        Assert.Equal("editor@example.test", layout.Find("[data-testid=account-inline] [data-testid=signed-in-as]").TextContent);
        var forms = layout.FindAll("form:has([data-testid=sign-out])");
        Assert.Equal(2, forms.Count);
        Assert.All(forms, form =>
        {
            Assert.Equal(("Account/Logout", "post"), (form.GetAttribute("action"), form.GetAttribute("method")));
            Assert.Equal("submit", form.QuerySelector("[data-testid=sign-out]")!.GetAttribute("type"));
            Assert.Equal("layout-token", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));
        });
    }

    [Fact]
    public void Someone_not_signed_in_gets_no_account_area()
    {
        AddAuthorization();
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

        Assert.Empty(layout.FindAll("[data-testid=account-inline], [data-testid=account-compact], [data-testid=sign-out]"));
        Assert.Contains("page", layout.Find("main").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<MainLayout> RenderLayout()
    {
        AddAuthorization().SetAuthorized("editor@example.test");
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
        return Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));
    }

    private static AngleSharp.Dom.IElement MenuButton(IRenderedComponent<MainLayout> layout, string width) => layout.Find($"[data-testid=menu-{width}]");

    private static string LayoutClasses(IRenderedComponent<MainLayout> layout) => layout.Find("[data-testid=layout]").ClassName ?? "";

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("layout-token", "__RequestVerificationToken");
    }
}
