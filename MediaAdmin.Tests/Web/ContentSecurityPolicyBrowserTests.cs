using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Playwright;

namespace MediaAdmin.Tests.Web;

/// <summary>The console's Content-Security-Policy in a real Chromium: nothing it needs is refused.</summary>
public sealed class ContentSecurityPolicyBrowserTests(BrowserFixture browser) : ConsoleServerTest, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_console_runs_interactively_with_no_content_security_policy_violation()
    {
        var admin = await Server.CreateUserAsync(RoleNames.Administrator);
        await Server.CreateUserAsync(RoleNames.Viewer);
        var page = await browser.SignInAsync(Server.BaseAddress, admin.Email!);
        var complaints = new List<string>();
        page.Console += (_, message) => complaints.Add(message.Text);
        page.PageError += (_, error) => complaints.Add(error);

        await page.ReloadAsync();
        await BrowserFixture.WaitForLibraryAsync(page);
        // Followed inside the circuit, so the page is interactive as soon as it shows.
        await page.ClickAsync("a[href='/admin/accounts']");
        await page.Locator("[data-testid=account-row]").First.WaitForAsync();
        await page.ClickAsync("text=Reset password");
        await Assertions.Expect(page.Locator("[data-testid=one-time-password]")).ToBeVisibleAsync();

        Assert.DoesNotContain(complaints, c => c.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || c.Contains("Refused", StringComparison.Ordinal));
    }
}
