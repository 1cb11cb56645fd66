using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Playwright;

namespace MediaAdmin.Tests.Browser;

[Collection(BrowserTestGroup.Name)]
public sealed class ConsoleRulesBrowserTests(ConsoleBrowserFixture fixture) : ConsoleBrowserTest(fixture)
{
    [Fact]
    public async Task Selecting_a_21st_asset_is_refused_and_the_selection_stays_at_20()
    {
        var (editor, page) = await SignInNewAsync(RoleNames.Editor);
        var assets = await Ingestion.IngestManyAsync(Enumerable.Range(0, 21).Select(i => Drafts.Video(editor.Id, $"Batch {i:00}", 1, 1)).ToList());
        await OpenLibraryAsync(page, "/?size=25&mine=1");

        foreach (var asset in assets.Take(20))
        {
            await BrowserFixture.Input(page, $"select-{asset.Id}").CheckAsync();
        }

        await Assertions.Expect(page.Locator("[data-testid=selection-counter]")).ToHaveTextAsync("20 / 20 selected");
        await BrowserFixture.Input(page, $"select-{assets[20].Id}").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("At most 20 assets can be deleted at once");
        await Assertions.Expect(page.Locator("[data-testid=selection-counter]")).ToHaveTextAsync("20 / 20 selected");
        await Assertions.Expect(BrowserFixture.Input(page, $"select-{assets[20].Id}")).Not.ToBeCheckedAsync();
    }

    [Fact]
    public async Task A_viewer_can_select_but_is_never_offered_delete_and_nothing_is_removed()
    {
        var editor = await Server.CreateUserAsync(RoleNames.Editor);
        var asset = await Ingestion.IngestAsync(Drafts.Video(editor.Id, "Look but do not touch"));
        var (_, page) = await SignInNewAsync(RoleNames.Viewer);
        await OpenLibraryAsync(page, $"/?id={asset.Id}");

        await Assertions.Expect(page.Locator($"tr:has-text('{asset.Id}') [data-testid=not-deletable]")).ToHaveCountAsync(1);
        await BrowserFixture.Input(page, $"select-{asset.Id}").CheckAsync();

        await Assertions.Expect(page.Locator("[data-testid=selection-counter]")).ToHaveTextAsync("1 / 20 selected");
        await Assertions.Expect(page.Locator("[data-testid=copy-selected-ids]")).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=delete-selected]")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=delete-selected]")).ToHaveAttributeAsync("title", "Your roles do not allow deleting assets.");
        Assert.True(await ExistsAsync(asset.Id));
    }

    [Fact]
    public async Task Cancel_and_escape_in_the_confirmation_change_nothing()
    {
        var (editor, page) = await SignInNewAsync(RoleNames.Editor);
        var asset = await Ingestion.IngestAsync(Drafts.Video(editor.Id, "Second thoughts"));
        await OpenLibraryAsync(page, $"/?id={asset.Id}");
        await BrowserFixture.Input(page, $"select-{asset.Id}").CheckAsync();

        await page.ClickAsync("[data-testid=delete-selected]");
        await page.ClickAsync("[data-testid=cancel-delete]");
        await Assertions.Expect(page.Locator("[data-testid=confirm-delete-dialog]")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-testid=delete-selected]");
        await Assertions.Expect(page.Locator("[data-testid=confirm-delete]")).ToHaveTextAsync("Delete 1 permanently");

        // Escape goes to whatever has focus: as a user would, with the focus in the dialog.
        await page.Locator("[data-testid=cancel-delete]").FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=confirm-delete-dialog]")).ToHaveCountAsync(0);

        Assert.True(await ExistsAsync(asset.Id));
        await Assertions.Expect(page.Locator("[data-testid=results-panel]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=selection-counter]")).ToHaveTextAsync("1 / 20 selected");
    }

    [Fact]
    public async Task An_editor_gets_403_on_the_admin_pages_and_sees_no_admin_menu()
    {
        var (editor, page) = await SignInNewAsync(RoleNames.Editor);
        await BrowserFixture.WaitForLibraryAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=admin-menu]")).ToHaveCountAsync(0);

        foreach (var path in new[] { "/admin/accounts", "/admin/roles", "/admin/audit" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("[data-testid=forbidden]")).ToContainTextAsync("403");
        }

        var (admin, adminPage) = await SignInNewAsync(RoleNames.Administrator);
        await Assertions.Expect(adminPage.Locator("[data-testid=admin-menu]")).ToHaveCountAsync(1);
        await adminPage.GotoAsync("/admin/accounts");
        foreach (var email in new[] { editor.Email!, admin.Email! })
        {
            await Assertions.Expect(adminPage.Locator("[data-testid=account-row]", new() { HasText = email })).ToHaveCountAsync(1);
        }
    }

    [Fact]
    public async Task A_second_open_page_loses_deleted_rows_without_a_reload()
    {
        var word = UniqueWord();
        var editor = await Server.CreateUserAsync(RoleNames.Editor);
        var asset = await Ingestion.IngestAsync(Drafts.Video(editor.Id, $"Watched clip {word}"));
        await Ingestion.IngestAsync(Drafts.Video(editor.Id, $"Staying clip {word}"));
        var (_, watching) = await SignInNewAsync(RoleNames.Editor);
        await OpenLibraryAsync(watching, $"/?q={word}");
        await BrowserFixture.Input(watching, $"select-{asset.Id}").CheckAsync();
        await Assertions.Expect(watching.Locator("[data-testid=row-id]")).ToHaveCountAsync(2);

        var deleting = await SignInAsync(editor);
        await OpenLibraryAsync(deleting, $"/?q={word}");
        await BrowserFixture.Input(deleting, $"select-{asset.Id}").CheckAsync();
        await deleting.ClickAsync("[data-testid=delete-selected]");
        await deleting.ClickAsync("[data-testid=confirm-delete]");
        await Assertions.Expect(deleting.Locator("[data-testid=deleted-list]")).ToContainTextAsync(asset.Id);

        await Assertions.Expect(watching.Locator("[data-testid=row-id]")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 5000 });
        await Assertions.Expect(watching.Locator("[data-testid=selection-counter]")).ToHaveTextAsync("0 / 20 selected");
        await Assertions.Expect(watching.Locator(".mud-snackbar")).ToContainTextAsync("Watched clip");
    }
}
