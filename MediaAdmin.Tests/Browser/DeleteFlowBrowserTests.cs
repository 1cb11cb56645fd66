using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MediaAdmin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class DeleteFlowBrowserTests(ConsoleBrowserFixture fixture) : ConsoleBrowserTest(fixture)
{
    [Fact]
    public async Task An_editor_deletes_own_is_refused_a_colleagues_and_learns_a_third_was_deleted_meanwhile()
    {
        var editor = await Server.CreateUserAsync(RoleNames.Editor);
        var colleague = await Server.CreateUserAsync(RoleNames.Editor);
        var admin = await Server.CreateUserAsync(RoleNames.Administrator);
        var own = await Ingestion.IngestAsync(Drafts.Video(editor.Id, "Harbour sunrise own", 3, 4));
        var theirs = await Ingestion.IngestAsync(Drafts.Video(colleague.Id, "Harbour sunrise colleague"));
        var doomed = await Ingestion.IngestAsync(Drafts.Video(editor.Id, "Harbour sunrise doomed"));
        await Ingestion.IngestAsync(Drafts.Video(colleague.Id, "Unrelated clip"));

        var page = await SignInAsync(editor);
        await BrowserFixture.WaitForLibraryAsync(page);
        await BrowserFixture.Input(page, "search").FillAsync("harbour sunrise");
        await BrowserFixture.Input(page, "search").PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=library-grid] tbody tr [data-testid=row-id]').length === 3");
        Assert.Contains("q=harbour", page.Url, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator($"tr:has-text('{theirs.Id}') [data-testid=not-deletable]").CountAsync());

        foreach (var asset in new[] { own, theirs, doomed })
        {
            await BrowserFixture.Input(page, $"select-{asset.Id}").CheckAsync();
        }

        await Assertions.Expect(page.Locator("[data-testid=selection-counter]")).ToHaveTextAsync("3 / 20 selected");
        await page.ClickAsync("[data-testid=delete-selected]");
        var dialog = page.Locator("[data-testid=confirm-delete-dialog]");
        await Assertions.Expect(dialog).ToContainTextAsync("This cannot be undone");
        await Assertions.Expect(dialog.Locator("[data-testid=confirm-not-allowed]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=confirm-delete]")).ToHaveTextAsync("Delete 2 permanently");

        // Meanwhile an administrator, in a browser of their own, deletes the third asset.
        var adminPage = await SignInAsync(admin);
        await OpenLibraryAsync(adminPage, $"/?id={doomed.Id}");
        await BrowserFixture.Input(adminPage, $"select-{doomed.Id}").CheckAsync();
        await adminPage.ClickAsync("[data-testid=delete-selected]");
        await adminPage.ClickAsync("[data-testid=confirm-delete]");
        await Assertions.Expect(adminPage.Locator("[data-testid=deleted-list]")).ToContainTextAsync(doomed.Id);

        await page.ClickAsync("[data-testid=confirm-delete]");
        var results = page.Locator("[data-testid=results-panel]");
        await Assertions.Expect(results.Locator("[data-testid=deleted-list]")).ToContainTextAsync(own.Id);
        await Assertions.Expect(results.Locator("[data-testid=forbidden-list]")).ToContainTextAsync(theirs.Id);
        await Assertions.Expect(results.Locator("[data-testid=forbidden-list]")).ToContainTextAsync("only assets you own");
        await Assertions.Expect(results.Locator("[data-testid=nonexistent-list]")).ToContainTextAsync(doomed.Id);
        await Assertions.Expect(results.Locator("[data-testid=cdn-urls]")).ToContainTextAsync($"https://cdn.example.test/vod/media/{own.Id}/source.mp4");
        await Assertions.Expect(results.Locator("[data-testid=request-id]")).ToContainTextAsync("RequestId ");
        await Assertions.Expect(page.Locator("[data-testid=selection-counter]")).ToHaveTextAsync("1 / 20 selected");
        await page.Locator("[data-testid=results-panel]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "results-panel.png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "library-after-delete.png"), FullPage = true });

        Assert.Empty(await Server.StoredAfterRemovalAsync(own.Files.Select(f => f.StorageKey)));
        var storage = Server.Services.GetRequiredService<IMediaStorage>();
        Assert.True(await storage.ExistsAsync(StorageKey.Parse(theirs.Files[0].StorageKey)));
    }
}
