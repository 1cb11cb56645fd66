using Bunit;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Components;
using MediaAdmin.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Audit;

/// <summary>The audit page shows who marked a deletion's CDN reminder done, when and why.</summary>
public sealed class AuditPageMarkDoneTests : CoreComponentTest
{
    [Fact]
    public async Task The_audit_page_shows_a_mark_done_under_its_deletion_with_who_and_why()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var deletion = await App.Deletion.DeleteAsync(new DeletionCaller(editor.Id, DeletionChannel.Console), (await App.AddAssetAsync(editor.Id)).Id);
        Assert.True((await App.Services.GetRequiredService<CdnPurgeService>().MarkDoneAsync(editor.Id, deletion.RequestId, "Refreshed in the vendor console")).IsSuccess);
        SignInWith(admin, typeof(AuditLogService));

        var page = Render<AuditPage>();

        page.WaitForAssertion(() =>
        {
            var markDone = page.Find("[data-testid=audit-cdn-mark-done]").TextContent;
            Assert.StartsWith($"CDN reminder marked done by {editor.UserName},", markDone, StringComparison.Ordinal);
            Assert.EndsWith(": Refreshed in the vendor console", markDone, StringComparison.Ordinal);
        });
    }
}
