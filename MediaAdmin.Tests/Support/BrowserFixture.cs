using Microsoft.Playwright;

namespace MediaAdmin.Tests.Support;

/// <summary>One headless Debian Chromium per test class, driven by Playwright; contexts are per user.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium did not start.");

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run 'bash scripts/test.sh', which installs it (apt-get install chromium).");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A desktop window wide enough for every column of the library.</summary>
    public static ViewportSize Desktop => new() { Width = 1600, Height = 1000 };

    /// <summary>A phone held upright (390 px, an iPhone's width): the drawer opens over the page.</summary>
    public static ViewportSize Phone => new() { Width = 390, Height = 844 };

    /// <summary>A laptop (1440 px): the drawer is docked beside the page.</summary>
    public static ViewportSize Laptop => new() { Width = 1440, Height = 900 };

    /// <summary>A fresh browser context (its own cookies) signed in through the real login form; <see cref="Desktop"/> unless told.</summary>
    public async Task<IPage> SignInAsync(Uri baseAddress, string email, string password = "Test-Password-1", ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), ViewportSize = viewport ?? Desktop });
        var page = await context.NewPageAsync();
        // Generous: on two busy cores a first page load after sign-in took over 15 s; a wait is not a timing assertion.
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("#sign-in");
        // Signed in once the browser has left the login page: the callers wait for what they show next. Waiting for
        // the landing page's load event as well once ran out of 30 s on two busy cores with nothing wrong.
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        return page;
    }

    /// <summary>The input of a MudBlazor field, whether its data-testid landed on the input or on a wrapper.</summary>
    public static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    /// <summary>Waits until the interactive circuit is up, so clicks reach server code.</summary>
    public static async Task WaitForLibraryAsync(IPage page)
    {
        try
        {
            await page.WaitForSelectorAsync("[data-testid=library-grid] tbody tr");
            await page.WaitForSelectorAsync("[data-testid=interactive]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "timeout.png"), FullPage = true });
            throw;
        }
    }
}
