using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Playwright;

namespace MediaAdmin.Tests.Browser;

/// <summary>The console on a phone (390 px, an iPhone's width) and on a laptop (1440 px).</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ResponsiveLayoutBrowserTests(ConsoleBrowserFixture fixture) : ConsoleBrowserTest(fixture)
{
    [Fact]
    public async Task At_phone_width_no_page_scrolls_sideways_and_sign_out_is_in_the_account_menu()
    {
        var word = UniqueWord();
        var colleague = await Server.CreateUserAsync(RoleNames.Editor);
        await Ingestion.IngestAsync(Drafts.Video(colleague.Id, $"Quarterly results briefing for the regional sales teams, full recording {word}"));
        var (admin, page) = await SignInNewAsync(RoleNames.Administrator, BrowserFixture.Phone);

        var sideways = new List<string>();
        foreach (var path in new[] { $"/?q={word}", "/cdn-refresh", "/access-keys", "/admin/accounts", "/admin/roles", "/admin/audit" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            if (widths[0] > widths[1])
            {
                sideways.Add($"{path}: {widths[0]} px wide in a {widths[1]} px window");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"phone{path.Replace('/', '-').Split('?')[0]}.png"), FullPage = true });
            }
        }

        Assert.Empty(sideways);
        await OpenLibraryAsync(page, $"/?q={word}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "library-390.png"), FullPage = true });
        await Assertions.Expect(page.Locator("[data-testid=signed-in-as]")).Not.ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=account-menu]");
        await Assertions.Expect(page.Locator("[data-testid=account-menu-email]")).ToHaveTextAsync(admin.Email!);
        await page.Locator("[data-testid=sign-out]:visible").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_phone_width_the_library_filters_take_a_line_each_inside_the_window()
    {
        var (_, page) = await SignInNewAsync(RoleNames.Editor, BrowserFixture.Phone);
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("[data-testid=interactive]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

        var boxes = await page.Locator("[data-testid=library-filters] > *").EvaluateAllAsync<double[][]>(
            "fields => fields.map(f => { const r = f.getBoundingClientRect(); return [r.left, r.right, r.top]; })");

        Assert.All(boxes, box => Assert.InRange(box[1], 0, BrowserFixture.Phone.Width));
        Assert.Equal(boxes.Length, boxes.Select(b => Math.Round(b[2])).Distinct().Count());
    }

    [Fact]
    public async Task At_laptop_width_a_denied_rows_lock_is_on_screen_and_long_titles_keep_to_one_line()
    {
        var word = UniqueWord();
        var colleague = await Server.CreateUserAsync(RoleNames.Editor);
        var longTitle = $"Harbour authority annual review: interviews with pilots, tug crews and the container terminal night shift {word}";
        var theirs = await Ingestion.IngestAsync(Drafts.Video(colleague.Id, longTitle));
        var (_, page) = await SignInNewAsync(RoleNames.Editor, BrowserFixture.Laptop);
        await OpenLibraryAsync(page, $"/?q={word}");

        var lockBox = await page.Locator($"tr:has-text('{theirs.Id}') [data-testid=not-deletable]").BoundingBoxAsync();
        var titleBox = await page.Locator($"tr:has-text('{theirs.Id}') [data-testid=row-title]").BoundingBoxAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "library-1440.png") });

        Assert.NotNull(lockBox);
        Assert.InRange(lockBox.X + lockBox.Width, 0, BrowserFixture.Laptop.Width);
        Assert.NotNull(titleBox);
        Assert.InRange(titleBox.Height, 1, 30);
        await Assertions.Expect(page.Locator($"tr:has-text('{theirs.Id}') [data-testid=row-title]")).ToHaveAttributeAsync("title", longTitle);
        await Assertions.Expect(page.Locator($"tr:has-text('{theirs.Id}') [data-testid=row-id]")).ToHaveAttributeAsync("title", theirs.Id);
    }
}
