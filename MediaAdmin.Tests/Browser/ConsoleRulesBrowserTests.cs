using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MediaAdmin.Tests.Browser;

public sealed class ConsoleRulesBrowserTests : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly BrowserFixture _browser;
    private readonly TempFolder _folder = new();
    private ConsoleServer _server = null!;

    public ConsoleRulesBrowserTests(BrowserFixture browser) => _browser = browser;

    public async Task InitializeAsync() => _server = await ConsoleServer.StartAsync(_folder.Path);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    private AssetIngestion Ingestion => _server.Services.GetRequiredService<AssetIngestion>();

    [Fact]
    public async Task Selecting_a_21st_asset_is_refused_and_the_selection_stays_at_20()
    {
        var editor = await _server.CreateUserAsync(RoleNames.Editor);
        var assets = await Ingestion.IngestManyAsync(Enumerable.Range(0, 21).Select(i => Drafts.Video(editor.Id, $"Batch {i:00}", 1, 1)).ToList());
        var page = await _browser.SignInAsync(_server.BaseAddress, editor.Email!);
        await page.GotoAsync("/?size=25");
        await BrowserFixture.WaitForLibraryAsync(page);

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
    public async Task A_viewer_cannot_delete_and_nothing_is_removed()
    {
        var editor = await _server.CreateUserAsync(RoleNames.Editor);
        var viewer = await _server.CreateUserAsync(RoleNames.Viewer);
        var asset = await Ingestion.IngestAsync(Drafts.Video(editor.Id, "Look but do not touch"));
        var page = await _browser.SignInAsync(_server.BaseAddress, viewer.Email!);
        await BrowserFixture.WaitForLibraryAsync(page);

        await Assertions.Expect(page.Locator($"tr:has-text('{asset.Id}') [data-testid=not-deletable]")).ToHaveCountAsync(1);
        await BrowserFixture.Input(page, $"select-{asset.Id}").CheckAsync();
        await page.ClickAsync("[data-testid=delete-selected]");
        await page.ClickAsync("[data-testid=confirm-delete]");

        await Assertions.Expect(page.Locator("[data-testid=forbidden-list]")).ToContainTextAsync("Your roles do not allow deleting assets.");
        Assert.Single(await ListIdsAsync());
    }

    [Fact]
    public async Task Cancel_and_escape_in_the_confirmation_change_nothing()
    {
        var editor = await _server.CreateUserAsync(RoleNames.Editor);
        var asset = await Ingestion.IngestAsync(Drafts.Video(editor.Id, "Second thoughts"));
        var page = await _browser.SignInAsync(_server.BaseAddress, editor.Email!);
        await BrowserFixture.WaitForLibraryAsync(page);
        await BrowserFixture.Input(page, $"select-{asset.Id}").CheckAsync();

        await page.ClickAsync("[data-testid=delete-selected]");
        await page.ClickAsync("[data-testid=cancel-delete]");
        await Assertions.Expect(page.Locator("[data-testid=confirm-delete-dialog]")).ToHaveCountAsync(0);
        await page.ClickAsync("[data-testid=delete-selected]");
        await Assertions.Expect(page.Locator("[data-testid=confirm-delete]")).ToBeVisibleAsync();

        // Escape goes to whatever has focus: as a user would, with the focus in the dialog.
        await page.Locator("[data-testid=cancel-delete]").FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("[data-testid=confirm-delete-dialog]")).ToHaveCountAsync(0);

        Assert.Equal([asset.Id], await ListIdsAsync());
        await Assertions.Expect(page.Locator("[data-testid=results-panel]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=selection-counter]")).ToHaveTextAsync("1 / 20 selected");
    }

    [Fact]
    public async Task An_editor_gets_403_on_the_admin_pages_and_sees_no_admin_menu()
    {
        var editor = await _server.CreateUserAsync(RoleNames.Editor);
        var admin = await _server.CreateUserAsync(RoleNames.Administrator);
        var page = await _browser.SignInAsync(_server.BaseAddress, editor.Email!);
        await BrowserFixture.WaitForLibraryAsync(page);
        await Assertions.Expect(page.Locator("[data-testid=admin-menu]")).ToHaveCountAsync(0);

        foreach (var path in new[] { "/admin/accounts", "/admin/roles", "/admin/audit" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("[data-testid=forbidden]")).ToContainTextAsync("403");
        }

        var adminPage = await _browser.SignInAsync(_server.BaseAddress, admin.Email!);
        await Assertions.Expect(adminPage.Locator("[data-testid=admin-menu]")).ToHaveCountAsync(1);
        await adminPage.GotoAsync("/admin/accounts");
        await Assertions.Expect(adminPage.Locator("[data-testid=account-row]")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_second_open_page_loses_deleted_rows_without_a_reload()
    {
        var editor = await _server.CreateUserAsync(RoleNames.Editor);
        var watcher = await _server.CreateUserAsync(RoleNames.Editor);
        var asset = await Ingestion.IngestAsync(Drafts.Video(editor.Id, "Watched clip"));
        await Ingestion.IngestAsync(Drafts.Video(editor.Id, "Staying clip"));
        var watching = await _browser.SignInAsync(_server.BaseAddress, watcher.Email!);
        await BrowserFixture.WaitForLibraryAsync(watching);
        await BrowserFixture.Input(watching, $"select-{asset.Id}").CheckAsync();
        await Assertions.Expect(watching.Locator("[data-testid=row-id]")).ToHaveCountAsync(2);

        var deleting = await _browser.SignInAsync(_server.BaseAddress, editor.Email!);
        await BrowserFixture.WaitForLibraryAsync(deleting);
        await BrowserFixture.Input(deleting, $"select-{asset.Id}").CheckAsync();
        await deleting.ClickAsync("[data-testid=delete-selected]");
        await deleting.ClickAsync("[data-testid=confirm-delete]");
        await Assertions.Expect(deleting.Locator("[data-testid=deleted-list]")).ToContainTextAsync(asset.Id);

        await Assertions.Expect(watching.Locator("[data-testid=row-id]")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 5000 });
        await Assertions.Expect(watching.Locator("[data-testid=selection-counter]")).ToHaveTextAsync("0 / 20 selected");
        await Assertions.Expect(watching.Locator(".mud-snackbar")).ToContainTextAsync("Watched clip");
    }

    private async Task<List<string>> ListIdsAsync()
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.MediaDbContext>();
        return [.. db.MediaAssets.Select(a => a.Id)];
    }
}
