using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Components.Cdn;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MediaAdmin.Tests.Browser;

/// <summary>The shareable CDN reminder in real Chromium against the real console, with Provider=Http on a stand-in edge.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CdnRefreshBrowserTests(CdnRefreshBrowserFixture fixture) : IClassFixture<CdnRefreshBrowserFixture>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    private ConsoleServer Server => fixture.Server;

    [Fact]
    public async Task The_results_panel_link_opens_the_reminder_which_turns_verified_without_a_reload()
    {
        var editor = await Server.CreateUserAsync(RoleNames.Editor);
        var asset = await Server.Services.GetRequiredService<Core.Library.AssetIngestion>().IngestAsync(Drafts.Video(editor.Id, "Lighthouse at dusk"));
        var page = await SignInAsync(editor.Email!);
        await page.GotoAsync($"/?id={asset.Id}");
        await BrowserFixture.WaitForLibraryAsync(page);
        await BrowserFixture.Input(page, $"select-{asset.Id}").CheckAsync();
        await page.ClickAsync("[data-testid=delete-selected]");
        await page.ClickAsync("[data-testid=confirm-delete]");
        var link = page.Locator("[data-testid=results-panel] [data-testid=cdn-reminder-link]");
        await Assertions.Expect(link).ToContainTextAsync("/cdn-refresh/");
        var requestId = (await page.Locator("[data-testid=request-id]").TextContentAsync())!.Replace("RequestId", "", StringComparison.Ordinal).Trim();

        await link.ClickAsync();

        await page.WaitForURLAsync($"**/cdn-refresh/{requestId}");
        var reminder = page.Locator("[data-testid=cdn-reminder-item]");
        await Assertions.Expect(reminder).ToHaveAttributeAsync("data-request-id", requestId);
        await Assertions.Expect(reminder.Locator("[data-testid=cdn-state]")).ToHaveAttributeAsync("data-state", "Pending");
        await page.WaitForSelectorAsync("[data-testid=cdn-live]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.EvaluateAsync("() => window.__sameDocument = true");

        var requested = await Server.Services.GetRequiredService<CdnPurgeService>().RefreshNowAsync(editor.Id, [requestId]);

        Assert.Equal([requestId], requested.Value.Queued);
        await Assertions.Expect(reminder.Locator("[data-testid=cdn-state]")).ToHaveAttributeAsync("data-state", "Verified", new() { Timeout = 60_000 });
        await Assertions.Expect(reminder.Locator("[data-testid=cdn-closed]")).ToContainTextAsync("Closed: verified");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"));
    }

    [Fact]
    public async Task A_viewer_following_a_reminder_link_sees_it_but_no_refresh_now_or_mark_done()
    {
        var editor = await Server.CreateUserAsync(RoleNames.Editor);
        var viewer = await Server.CreateUserAsync(RoleNames.Viewer);
        var asset = await Server.Services.GetRequiredService<Core.Library.AssetIngestion>().IngestAsync(Drafts.Video(editor.Id, "Harbour at noon"));
        var deleted = await Server.Services.GetRequiredService<Core.Deletion.VideoDeletionService>()
            .DeleteAsync(new Core.Deletion.DeletionCaller(editor.Id, Core.Audit.DeletionChannel.Console), asset.Id);
        var page = await SignInAsync(viewer.Email!);

        await page.GotoAsync($"/cdn-refresh/{deleted.RequestId}");

        await page.WaitForSelectorAsync("[data-testid=cdn-live]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("[data-testid=cdn-reminder-item]")).ToHaveAttributeAsync("data-request-id", deleted.RequestId);
        await Assertions.Expect(page.Locator("[data-testid=cdn-url]").First).ToContainTextAsync(asset.Id);
        Assert.Equal(0, await page.Locator("[data-testid=refresh-now], [data-testid=mark-done], [data-testid=retry-purge]").CountAsync());
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await fixture.Browser.SignInAsync(Server.BaseAddress, email);
        _contexts.Add(page.Context);
        return page;
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
