using Bunit;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Components;
using MediaAdmin.Web.Components.Pages.Admin;
using MediaAdmin.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Deletion.Remote;

/// <summary>The results panel and the audit page show Alibaba's RequestId beside MediaAdmin's, and Alibaba's failure as it was.</summary>
public sealed class RemoteDeletionPagesTests : CoreComponentTest
{
    private const string AlibabaRequestId = "5589F997-2B1D-4C55-9E3A-0D1C2B3A4F5E";

    public RemoteDeletionPagesTests() => ComponentFactories.AddStub<MediaAdmin.Web.Components.Shared.CdnReminder.CdnDeletionReminder>();

    protected override async Task StartAsync()
    {
        await base.StartAsync();
        Services.AddSingleton(App.Services.GetRequiredService<FileRemovalProgressService>());
    }

    [Fact]
    public void The_results_panel_shows_Alibabas_RequestId_and_what_Alibaba_answered_with_a_retry()
    {
        var failed = new DeletionError(
            DeletionError.DeleteVideoFailedCode, "Deleting video has failed due to some unknown error. ApsaraVideo VOD answered DeleteVideoFailed. Nothing was deleted.", 503);
        var retried = 0;
        var result = new DeleteVideosResult("AE9F3948-133C-4239-9B4C-7F79D6CC3CDF", failed, [], [], []) { RemoteRequestId = AlibabaRequestId };

        var panel = Render<DeletionResultsPanel>(p => p.Add(c => c.Result, result).Add(c => c.RefreshConsoleUrl, "https://x.example").Add(c => c.OnRetry, () => retried++));
        panel.Find("[data-testid=retry]").Click();

        Assert.Contains(AlibabaRequestId, panel.Find("[data-testid=remote-request-id]").TextContent, StringComparison.Ordinal);
        Assert.Contains("ApsaraVideo VOD answered DeleteVideoFailed", panel.Find("[data-testid=request-error]").TextContent, StringComparison.Ordinal);
        Assert.Equal(1, retried);
    }

    [Fact]
    public void A_local_result_shows_no_Alibaba_RequestId()
    {
        var result = new DeleteVideosResult("AE9F3948-133C-4239-9B4C-7F79D6CC3CDF", DeletionError.DeleteVideoFailed, [], [], []);

        var panel = Render<DeletionResultsPanel>(p => p.Add(c => c.Result, result).Add(c => c.RefreshConsoleUrl, "https://x.example"));

        Assert.Empty(panel.FindAll("[data-testid=remote-request-id]"));
        Assert.Contains("database failed", panel.Find("[data-testid=request-error]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_page_shows_Alibabas_RequestId_and_finds_the_deletion_by_it()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        await using (var db = await App.OpenDbAsync())
        {
            db.DeletionAuditRecords.Add(new DeletionAuditRecord
            {
                RequestId = "11111111-2222-3333-4444-555555555555", UserId = admin.Id, UserName = admin.UserName!, RequestedIds = "abc",
                RemoteRequestId = AlibabaRequestId, CreatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var found = await App.Services.GetRequiredService<AuditLogService>().SearchAsync(admin.Id, new AuditQuery(AlibabaRequestId));
        SignInWith(admin, typeof(AuditLogService));
        var page = Render<AuditPage>();

        Assert.Equal(AlibabaRequestId, Assert.Single(found.Value).RemoteRequestId);
        page.WaitForAssertion(() => Assert.Contains(AlibabaRequestId, page.Find("[data-testid=audit-remote-request-id]").TextContent, StringComparison.Ordinal));
    }
}
