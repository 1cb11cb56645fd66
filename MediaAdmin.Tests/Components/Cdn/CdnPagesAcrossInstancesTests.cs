using Bunit;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Web.Components.Pages.Cdn;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Tests.Components.Cdn;

/// <summary>
/// Open CDN pages follow changes made by another instance: written straight to the shared database, as another
/// instance's worker or a person there would, with no change event in this process.
/// </summary>
public sealed class CdnPagesAcrossInstancesTests : CdnPageTest
{
    protected override IReadOnlyDictionary<string, string?> MoreSettings => new Dictionary<string, string?> { ["Cdn:Purge:PageRereadInterval"] = "00:00:00.500" };

    [Fact]
    public async Task The_refresh_page_shows_a_state_another_instances_worker_wrote_without_reload()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var requestId = await DeleteAssetAsync(editor);
        SignIn(editor);
        var page = Render<CdnRefreshPage>();
        page.WaitForAssertion(() => Assert.Equal("Pending", page.Find("[data-testid=cdn-state]").GetAttribute("data-state")), Generous);

        await WriteElsewhereAsync(requestId, CdnPurgeState.Purging, closedBy: null);

        page.WaitForAssertion(() => Assert.Equal("Purging", page.Find("[data-testid=cdn-state]").GetAttribute("data-state")), Generous);
    }

    [Fact]
    public async Task The_reminder_page_shows_a_mark_done_made_on_another_instance_without_reload()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var requestId = await DeleteAssetAsync(editor);
        SignIn(editor);
        var page = Render<CdnReminderPage>(p => p.Add(c => c.RequestId, requestId));
        page.WaitForAssertion(() => Assert.Equal("Pending", page.Find("[data-testid=cdn-state]").GetAttribute("data-state")), Generous);

        await WriteElsewhereAsync(requestId, CdnPurgeState.Pending, closedBy: "colleague@elsewhere.test");

        page.WaitForAssertion(() => Assert.Contains("colleague@elsewhere.test", page.Find("[data-testid=cdn-closed]").TextContent, StringComparison.Ordinal), Generous);
    }

    /// <summary>The deletion's row as another instance leaves it; its next step far off, so this host's worker leaves it alone.</summary>
    private async Task WriteElsewhereAsync(string requestId, CdnPurgeState state, string? closedBy)
    {
        await using var db = await App.OpenDbAsync();
        var written = await db.CdnInvalidations.Where(i => i.RequestId == requestId).ExecuteUpdateAsync(set => set
            .SetProperty(i => i.PurgeState, state)
            .SetProperty(i => i.NextPurgeAtUtc, DateTime.UtcNow.AddHours(1))
            .SetProperty(i => i.RefreshedAtUtc, closedBy == null ? null : (DateTime?)DateTime.UtcNow)
            .SetProperty(i => i.RefreshedByName, closedBy)
            .SetProperty(i => i.RefreshedReason, closedBy == null ? null : "Refreshed by hand on instance B"));
        Assert.Equal(1, written);
    }
}
