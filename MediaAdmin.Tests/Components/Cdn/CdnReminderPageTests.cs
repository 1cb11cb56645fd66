using Bunit;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Web.Components.Pages.Cdn;
using MediaAdmin.Web.Components.Shared.CdnReminder;

namespace MediaAdmin.Tests.Components.Cdn;

/// <summary>The shareable reminder link (/cdn-refresh/{RequestId}) and the reminder the results panel shows after a delete.</summary>
public sealed class CdnReminderPageTests : CdnPageTest
{
    [Fact]
    public async Task The_shareable_link_shows_a_viewer_that_deletions_urls_task_ids_and_quota_and_follows_it_to_verified()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var viewer = await App.CreateUserAsync(RoleNames.Viewer);
        var requestId = await DeleteAssetAsync(editor);
        SignIn(viewer);
        var page = Render<CdnReminderPage>(p => p.Add(c => c.RequestId, requestId.ToLowerInvariant()));

        page.WaitForAssertion(() => Assert.Equal(requestId, page.Find("[data-testid=cdn-reminder-item]").GetAttribute("data-request-id")));
        Assert.Contains(page.FindAll("[data-testid=cdn-url]"), cell => cell.TextContent.EndsWith("/source.mp4", StringComparison.Ordinal));
        Assert.Contains("as many purges as it is sent", page.Find("[data-testid=cdn-quota]").TextContent, StringComparison.Ordinal);
        Assert.Contains("none", page.Find("[data-testid=cdn-task-ids]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=refresh-now]"));
        Assert.Empty(page.FindAll("[data-testid=mark-done]"));

        await Purges.RefreshNowAsync(editor.Id, [requestId]);

        page.WaitForAssertion(() => Assert.Equal("Verified", page.Find("[data-testid=cdn-state]").GetAttribute("data-state")), Generous);
        page.WaitForAssertion(() => Assert.All(page.FindAll("[data-testid=cdn-url-purge]").Where(cell => cell.TextContent.Length > 0), cell => Assert.Equal("accepted", cell.TextContent)));
        Assert.Contains("Closed: verified", page.Find("[data-testid=cdn-closed]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5F3C2B7A-0000-4000-8000-000000000000")]
    [InlineData("not a request id")]
    public async Task An_unknown_or_malformed_request_id_says_there_is_no_deletion_with_it(string requestId)
    {
        SignIn(await App.CreateUserAsync(RoleNames.Viewer));

        var page = Render<CdnReminderPage>(p => p.Add(c => c.RequestId, requestId));

        page.WaitForAssertion(() => Assert.Contains($"No deletion with RequestId {requestId}", page.Find("[data-testid=cdn-not-found]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=cdn-reminder-item]"));
    }

    [Fact]
    public async Task The_results_panel_reminder_links_the_shareable_page_and_refresh_now_shows_the_state_live()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var requestId = await DeleteAssetAsync(editor);
        SignIn(editor);
        var reminder = Render<CdnDeletionReminder>(p => p.Add(c => c.RequestId, requestId));

        reminder.WaitForAssertion(() => Assert.Equal($"/cdn-refresh/{requestId}", reminder.Find("[data-testid=cdn-reminder-link]").GetAttribute("href")));
        Assert.Equal("Pending", reminder.Find("[data-testid=cdn-state]").GetAttribute("data-state"));

        reminder.Find("[data-testid=panel-refresh-now]").Click();

        reminder.WaitForAssertion(() => Assert.Equal("Verified", reminder.Find("[data-testid=cdn-state]").GetAttribute("data-state")), Generous);
        Assert.Empty(reminder.FindAll("[data-testid=panel-refresh-now]"));
        Assert.Equal(CdnPurgeState.Verified, (await Queries.DetailAsync(editor.Id, requestId)).Value.Summary.State);
    }

    [Fact]
    public async Task The_results_panel_reminder_gives_a_viewer_the_link_but_no_refresh_now()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var requestId = await DeleteAssetAsync(editor);
        SignIn(await App.CreateUserAsync(RoleNames.Viewer));

        var reminder = Render<CdnDeletionReminder>(p => p.Add(c => c.RequestId, requestId));

        reminder.WaitForAssertion(() => Assert.Single(reminder.FindAll("[data-testid=cdn-reminder-link]")));
        Assert.Empty(reminder.FindAll("[data-testid=panel-refresh-now]"));
    }
}
