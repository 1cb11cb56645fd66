using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Playwright;

namespace MediaAdmin.Tests.Browser;

/// <summary>The layout's drawer and account menu in Chromium, where the CSS decides by width what each state shows.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ConsoleLayoutBrowserTests(ConsoleBrowserFixture fixture) : ConsoleBrowserTest(fixture)
{
    [Fact]
    public async Task At_laptop_width_the_drawer_is_docked_beside_the_page_and_the_menu_button_closes_and_reopens_it()
    {
        var (_, page) = await SignInNewAsync(RoleNames.Editor, BrowserFixture.Laptop);
        await OpenLibraryAsync(page);
        var drawer = page.Locator("[data-testid=drawer]");
        var heading = page.Locator("h5", new() { HasText = "Media library" });

        await Assertions.Expect(drawer).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=drawer-scrim]")).ToHaveCountAsync(0);
        Assert.True(await LeftAsync(heading) >= await RightAsync(drawer), "the page starts right of the docked drawer");

        await page.ClickAsync("[data-testid=menu-docked]");

        await Assertions.Expect(drawer).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=menu-docked]")).ToHaveAttributeAsync("aria-expanded", "false");
        await WaitForLeftAsync(heading, left => left < 100);

        await page.ClickAsync("[data-testid=menu-docked]");

        await Assertions.Expect(drawer).ToBeVisibleAsync();
        await WaitForLeftAsync(heading, left => left >= 240);
    }

    [Fact]
    public async Task At_phone_width_the_drawer_opens_over_the_page_and_a_click_outside_it_or_a_link_closes_it()
    {
        var (_, page) = await SignInNewAsync(RoleNames.Editor, BrowserFixture.Phone);
        await OpenLibraryAsync(page);
        var drawer = page.Locator("[data-testid=drawer]");
        await Assertions.Expect(drawer).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=menu-docked]")).ToBeHiddenAsync();

        await page.ClickAsync("[data-testid=menu-overlay]");

        await Assertions.Expect(drawer).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=menu-overlay]")).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Mouse.ClickAsync(BrowserFixture.Phone.Width - 20, BrowserFixture.Phone.Height / 2);
        await Assertions.Expect(drawer).ToBeHiddenAsync();

        await page.ClickAsync("[data-testid=menu-overlay]");
        await drawer.GetByRole(AriaRole.Link, new() { Name = "CDN refresh" }).ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/cdn-refresh", StringComparison.Ordinal));
        await Assertions.Expect(drawer).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=menu-overlay]")).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task At_phone_width_the_account_menu_closes_on_escape_and_on_a_click_outside_it()
    {
        var (user, page) = await SignInNewAsync(RoleNames.Editor, BrowserFixture.Phone);
        await OpenLibraryAsync(page);
        var email = page.Locator("[data-testid=account-menu-email]");

        await page.ClickAsync("[data-testid=account-menu]");
        await Assertions.Expect(email).ToHaveTextAsync(user.Email!);
        await Assertions.Expect(email).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(email).ToBeHiddenAsync();

        await page.ClickAsync("[data-testid=account-menu]");
        await Assertions.Expect(email).ToBeVisibleAsync();
        await page.ClickAsync("header h6");
        await Assertions.Expect(email).ToBeHiddenAsync();
    }

    private static async Task<double> LeftAsync(ILocator element) => (await element.BoundingBoxAsync())!.X;

    private static async Task<double> RightAsync(ILocator element)
    {
        var box = (await element.BoundingBoxAsync())!;
        return box.X + box.Width;
    }

    /// <summary>The content slides with the drawer (a 225 ms transition): polls its position with a generous deadline.</summary>
    private static async Task WaitForLeftAsync(ILocator element, Func<double, bool> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        double left;
        while (!expected(left = await LeftAsync(element)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the element stayed at x = {left}");
            await Task.Delay(50);
        }
    }
}
