using Bunit;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Web.Components.Pages.Cdn;

namespace MediaAdmin.Tests.Components.Cdn;

/// <summary>The CDN refresh page with Provider=Http: states, live updates, filters, export, Refresh now and who may act.</summary>
public sealed class CdnRefreshPageTests : CdnPageTest
{
    [Fact]
    public async Task A_pending_deletion_turns_verified_on_the_page_without_reload_when_the_worker_purges_it()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var requestId = await DeleteAssetAsync(editor);
        SignIn(editor);
        var page = Render<CdnRefreshPage>();
        page.Find("[data-testid=filter-All]").Click();
        page.WaitForAssertion(() => Assert.Equal("Pending", page.Find("[data-testid=cdn-state]").GetAttribute("data-state")));

        var requested = await Purges.RefreshNowAsync(editor.Id, [requestId]);

        Assert.Equal([requestId], requested.Value.Queued);
        page.WaitForAssertion(() => Assert.Equal("Verified", page.Find("[data-testid=cdn-state]").GetAttribute("data-state")), Generous);
        Assert.Contains("Closed: verified", page.Find("[data-testid=cdn-closed]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=refresh-now]"));
    }

    [Fact]
    public async Task Refresh_now_on_a_selection_purges_each_chosen_deletion_and_the_open_list_empties()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var first = await DeleteAssetAsync(editor);
        var second = await DeleteAssetAsync(editor);
        SignIn(editor);
        var page = Render<CdnRefreshPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("input[type=checkbox]").Count));

        page.FindAll("input[type=checkbox]")[0].Change(true);
        page.FindAll("input[type=checkbox]")[1].Change(true);

        page.Find("[data-testid=refresh-selected]").Click();

        await WaitForStateAsync(editor.Id, first, CdnPurgeState.Verified);
        await WaitForStateAsync(editor.Id, second, CdnPurgeState.Verified);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=no-reminders]")), Generous);
    }

    [Fact]
    public async Task A_failed_purge_shows_its_reason_under_the_failed_filter_and_retry_verifies_it_once_the_edge_drops_the_files()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var failing = await DeleteAssetAsync(editor);
        var pending = await DeleteAssetAsync(editor);
        Edge.ServesDeletedFiles = true;
        await Purges.RefreshNowAsync(editor.Id, [failing]);
        await WaitForStateAsync(editor.Id, failing, CdnPurgeState.Failed);
        SignIn(editor);
        var page = Render<CdnRefreshPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=filter-Failed]").Click());
        page.WaitForAssertion(() => Assert.Equal(failing, page.Find("[data-testid=cdn-reminder-item]").GetAttribute("data-request-id")));
        Assert.Single(page.FindAll("[data-testid=cdn-reminder-item]"));
        Assert.Contains("still answer", page.Find("[data-testid=cdn-state-reason]").TextContent, StringComparison.Ordinal);

        Edge.ServesDeletedFiles = false;
        page.Find("[data-testid=retry-purge]").Click();

        await WaitForStateAsync(editor.Id, failing, CdnPurgeState.Verified);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=no-reminders]")), Generous);
        page.Find("[data-testid=filter-Pending]").Click();
        page.WaitForAssertion(() => Assert.Equal(pending, page.Find("[data-testid=cdn-reminder-item]").GetAttribute("data-request-id")));
    }

    [Fact]
    public async Task Export_downloads_the_filtered_deletions_as_csv()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var verified = await DeleteAssetAsync(editor);
        var pending = await DeleteAssetAsync(editor);
        await Purges.RefreshNowAsync(editor.Id, [verified]);
        await WaitForStateAsync(editor.Id, verified, CdnPurgeState.Verified);
        SignIn(editor);
        var page = Render<CdnRefreshPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=filter-Verified]").Click());
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=cdn-reminder-item]")));

        page.Find("[data-testid=cdn-export]").Click();

        var call = JSInterop.VerifyInvoke("mediaAdmin.downloadText");
        Assert.Equal("cdn-refresh-verified.csv", call.Arguments[0]);
        var csv = (string)call.Arguments[1]!;
        Assert.StartsWith("request_id,", csv, StringComparison.Ordinal);
        Assert.Contains(verified, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(pending, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_sees_the_reminders_but_no_refresh_retry_or_mark_done_and_core_refuses_them_too()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var viewer = await App.CreateUserAsync(RoleNames.Viewer);
        var pending = await DeleteAssetAsync(editor);
        var failed = await DeleteAssetAsync(editor);
        Edge.ServesDeletedFiles = true;
        await Purges.RefreshNowAsync(editor.Id, [failed]);
        await WaitForStateAsync(editor.Id, failed, CdnPurgeState.Failed);
        SignIn(viewer);
        var page = Render<CdnRefreshPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=cdn-reminder-item]").Count));
        foreach (var button in new[] { "refresh-now", "retry-purge", "mark-done", "refresh-selected" })
        {
            Assert.Empty(page.FindAll($"[data-testid={button}]"));
        }

        Assert.Empty(page.FindAll("input[type=checkbox]"));

        Assert.Equal(ResultStatus.Forbidden, (await Purges.RefreshNowAsync(viewer.Id, [pending])).Status);
        Assert.Equal(ResultStatus.Forbidden, (await Purges.RetryAsync(viewer.Id, failed)).Status);
        Assert.Equal(ResultStatus.Forbidden, (await Purges.MarkDoneAsync(viewer.Id, pending, "refreshed by hand")).Status);
        Assert.Equal(CdnPurgeState.Pending, (await Queries.DetailAsync(editor.Id, pending)).Value.Summary.State);
    }
}
