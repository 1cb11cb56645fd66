using System.Security.Claims;
using Bunit;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Core.Sources.AlibabaVod.Status;
using MediaAdmin.Core.Sources.AlibabaVod.Sync;
using MediaAdmin.Tests.Components;
using MediaAdmin.Tests.Support;
using MediaAdmin.Web.Components.Pages.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MediaAdmin.Tests.Sources;

/// <summary>The Source page over the real status service; the sync worker is left out, so each test sets the runs it shows.</summary>
public sealed class SourcePageTests : ConsoleComponentTest
{
    private readonly TempFolder _folder = new();
    private readonly RemoteLibrary _remote = new([]);
    private CoreHost _app = null!;

    protected override async Task StartAsync() =>
        _app = await _remote.StartHostAsync(_folder.Path, configure: services =>
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SourceSyncWorker))));

    protected override async Task StopAsync()
    {
        await _app.DisposeAsync();
        _remote.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_running_sync_shows_its_progress_and_Sync_now_is_disabled_while_it_runs()
    {
        await AddRunAsync(new SourceSyncRun { Kind = SourceSyncKind.Full, State = SourceSyncState.Running, Unfinished = true, RemoteTotal = 400, Seen = 100, Added = 90, Updated = 10 });

        var page = await RenderAsAdministratorAsync();

        page.WaitForAssertion(() => Assert.Contains("25% · 100 of 400 listed · 90 added · 10 updated", page.Find("[data-testid=source-running-counts]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Sync 25%", page.Find("[data-testid=source-progress]").GetAttribute("aria-label"));
        Assert.True(page.Find("[data-testid=source-sync-now]").HasAttribute("disabled"));
        Assert.Contains("cn-shanghai", page.Find("[data-testid=source-account]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(AlibabaVod.VodStandIn.AccessKeySecret, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_sync_shows_its_error_and_Sync_now_asks_for_a_full_sync_then_waits_for_it()
    {
        var ended = DateTime.UtcNow.AddMinutes(-3);
        await AddRunAsync(new SourceSyncRun
        {
            Kind = SourceSyncKind.Full, State = SourceSyncState.Failed, StartedAtUtc = ended.AddMinutes(-2), FinishedAtUtc = ended, Seen = 300,
            Error = "ServiceUnavailable: The request has failed due to a temporary failure of the server.",
        });
        var page = await RenderAsAdministratorAsync();
        page.WaitForAssertion(() => Assert.Contains("ServiceUnavailable", page.Find("[data-testid=source-run-error]").TextContent, StringComparison.Ordinal));
        Assert.Contains("2 min 0 s", page.Find("[data-testid=source-last-full]").TextContent, StringComparison.Ordinal);

        await page.Find("[data-testid=source-sync-now]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.True(page.Find("[data-testid=source-sync-now]").HasAttribute("disabled")));
        Assert.Contains("Full sync running", page.Find("[data-testid=source-running]").TextContent, StringComparison.Ordinal);
        await using var db = await _app.OpenDbAsync();
        var requested = await db.SourceSyncRuns.SingleAsync(r => r.Unfinished == true);
        Assert.Equal((SourceSyncKind.Full, SourceSyncTiming.Released), (requested.Kind, requested.UpdatedAtUtc));
    }

    [Fact]
    public async Task A_second_Sync_now_while_one_is_unfinished_is_refused_with_the_reason()
    {
        var admin = await _app.CreateUserAsync(RoleNames.Administrator);
        var status = _app.Services.GetRequiredService<SourceStatusService>();
        await status.SyncNowAsync(admin.Id);

        var second = await status.SyncNowAsync(admin.Id);

        Assert.Equal(Core.Results.ResultStatus.Conflict, second.Status);
        Assert.Contains("full sync started at", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editors_are_refused_the_source_state()
    {
        var editor = await _app.CreateUserAsync(RoleNames.Editor);

        var overview = await _app.Services.GetRequiredService<SourceStatusService>().GetOverviewAsync(editor.Id);

        Assert.Equal(Core.Results.ResultStatus.Forbidden, overview.Status);
    }

    private async Task AddRunAsync(SourceSyncRun run)
    {
        run.StartedAtUtc = run.StartedAtUtc == default ? DateTime.UtcNow : run.StartedAtUtc;
        run.UpdatedAtUtc = DateTime.UtcNow;
        await using var db = await _app.OpenDbAsync();
        db.SourceSyncRuns.Add(run);
        await db.SaveChangesAsync();
    }

    private async Task<IRenderedComponent<SourcePage>> RenderAsAdministratorAsync()
    {
        var admin = await _app.CreateUserAsync(RoleNames.Administrator);
        Services.AddSingleton(_app.Services.GetRequiredService<SourceStatusService>());
        AddAuthorization().SetAuthorized(admin.UserName!).SetClaims(new Claim(ClaimTypes.NameIdentifier, admin.Id));
        return Render<SourcePage>();
    }
}
