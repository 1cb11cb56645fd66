using Bunit;
using MediaAdmin.Core;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Reconciliation;
using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Components;
using MediaAdmin.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Reconciliation;

/// <summary>The reconciliation page follows a run under way: who started it, its bar and its counts, and lists it as running.</summary>
public sealed class ReconcilePageProgressTests : CoreComponentTest
{
    private PausingStorage? _storage;

    protected override IDictionary<string, string?>? HostSettings => ReconciliationHost.Settings;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IMediaStorage>(sp => _storage = new PausingStorage(new LocalDiskMediaStorage(sp.GetRequiredService<MediaAdminPaths>().StorageRoot), pauseAfter: 5));

    [Fact]
    public async Task A_run_under_way_shows_who_started_it_its_bar_and_its_counts_while_storage_is_still_being_listed()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        await App.AddAssetsAsync(admin.Id, 2);
        SignInWith(admin, typeof(ReconciliationService));
        RenderProviders();
        var page = Render<ReconcilePage>();

        page.Find("[data-testid=reconcile-dry-run]").Click();
        await _storage!.Paused.Task.WaitAsync(TimeSpan.FromSeconds(30));

        page.WaitForAssertion(() => Assert.Contains("4 stored files", page.Find("[data-testid=reconcile-current]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var current = page.Find("[data-testid=reconcile-current]").TextContent;
        Assert.Contains($"(dry run) by {admin.UserName}", current, StringComparison.Ordinal);
        Assert.Contains("4 stored files and 0 of 10 library files checked", current, StringComparison.Ordinal);
        Assert.StartsWith("Reconciliation ", page.Find("[data-testid=reconcile-progress]").GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Contains("Running", page.Find("[data-testid=reconcile-run]").TextContent, StringComparison.Ordinal);
    }
}
