using Bunit;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Reconciliation;
using MediaAdmin.Tests.Components;
using MediaAdmin.Web.Components.Pages.Admin;
using MediaAdmin.Web.Components.Pages.Library;

namespace MediaAdmin.Tests.Reconciliation;

/// <summary>The reconciliation page over the real Core services: a confirmed fix, its findings, and a refusal for non-administrators.</summary>
public sealed class ReconcilePageTests : CoreComponentTest
{
    [Fact]
    public async Task A_fix_asks_first_saying_what_it_removes_then_lists_the_removed_orphan_under_the_finished_run()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        await App.AddAssetAsync(admin.Id);
        var stray = await App.PlantAsync("tmp/stray.bin", TimeSpan.FromHours(2));
        SignInWith(admin, typeof(ReconciliationService));
        var dialogs = RenderProviders();
        var page = Render<ReconcilePage>();

        page.Find("[data-testid=reconcile-fix]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("last written more than 1 h ago", dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=reconcile-run]"));
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Remove orphans", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.Contains("Completed", page.Find("[data-testid=reconcile-run]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() => Assert.Contains("removed", page.Find("[data-testid=reconcile-finding]").TextContent, StringComparison.Ordinal));
        Assert.Contains(stray, page.Find("[data-testid=reconcile-finding]").TextContent, StringComparison.Ordinal);
        Assert.Contains("fix", page.Find("[data-testid=reconcile-run]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(stray, await App.StoredKeysAsync());
    }

    [Fact]
    public async Task An_editor_who_reaches_the_page_is_refused_by_the_service_and_nothing_starts()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        SignInWith(editor, typeof(ReconciliationService));
        RenderProviders();
        var page = Render<ReconcilePage>();

        page.Find("[data-testid=reconcile-dry-run]").Click();

        page.WaitForAssertion(() => Assert.Contains("Only administrators", page.Find("[data-testid=reconcile-problem]").TextContent, StringComparison.Ordinal));
        await using var db = await App.OpenDbAsync();
        Assert.Empty(db.ReconciliationRuns);
    }

    [Fact]
    public void The_library_status_cell_shows_how_many_files_a_reconciliation_found_missing()
    {
        var cell = Render(AssetStatusChip.Render(MediaStatus.Normal, progress: null, missingFiles: 2));

        Assert.Equal("2 files missing", cell.Find("[data-testid=missing-files]").TextContent.Trim());
    }
}
