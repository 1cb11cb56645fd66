using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MediaAdmin.Tests.Support;

/// <summary>
/// A browser test on the class's shared console: new users signed in through the real login form, each in a
/// browser context of its own that is closed after the test.
/// </summary>
public abstract class ConsoleBrowserTest(ConsoleBrowserFixture fixture) : IClassFixture<ConsoleBrowserFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    protected ConsoleServer Server => fixture.Server;

    protected AssetIngestion Ingestion => Server.Services.GetRequiredService<AssetIngestion>();

    /// <summary>A word no other test's titles contain, so a search shows only this test's assets.</summary>
    protected static string UniqueWord() => $"w{Guid.NewGuid():N}"[..12];

    /// <summary>A new user of <paramref name="role"/>, signed in.</summary>
    protected async Task<(MediaUser User, IPage Page)> SignInNewAsync(string role, ViewportSize? viewport = null)
    {
        var user = await Server.CreateUserAsync(role);
        return (user, await SignInAsync(user, viewport));
    }

    protected async Task<IPage> SignInAsync(MediaUser user, ViewportSize? viewport = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var page = await fixture.Browser.SignInAsync(Server.BaseAddress, user.Email!, viewport: viewport);
        _contexts.Add(page.Context);
        return page;
    }

    /// <summary>Opens the library at <paramref name="url"/> and waits until its rows are shown and clicks reach the server.</summary>
    protected static async Task OpenLibraryAsync(IPage page, string url = "/")
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(url);
        await BrowserFixture.WaitForLibraryAsync(page);
    }

    protected async Task<bool> ExistsAsync(string assetId)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediaDbContext>().MediaAssets.AnyAsync(a => a.Id == assetId);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }
}
