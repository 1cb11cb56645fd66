using Bunit;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion.Remote;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Web.Components.Pages.Cdn;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Components.Cdn;

/// <summary>The CDN refresh page with Provider=None: today's reminder and vendor link, and Mark done now asks why.</summary>
public sealed class CdnRefreshWithoutProviderTests : CdnPageTest
{
    protected override bool WithProvider => false;

    [Fact]
    public async Task Without_a_provider_each_reminder_links_the_vendor_console_says_its_channel_and_offers_no_refresh_now()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var requestId = await DeleteAssetAsync(editor, DeletionChannel.Api, "LTAIpageTest");
        SignIn(editor);
        var page = Render<CdnRefreshPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=cdn-reminder-item]")));
        Assert.Contains("through the API", page.Find("[data-testid=cdn-channel]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Pending", page.Find("[data-testid=cdn-state]").GetAttribute("data-state"));
        Assert.Equal($"/cdn-refresh/{requestId}", page.Find("[data-testid=cdn-reminder-link]").GetAttribute("href"));
        Assert.NotNull(page.Find("[data-testid=cdn-console-link]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=refresh-now]"));
        Assert.Empty(page.FindAll("input[type=checkbox]"));

        page.Find("[data-testid=download-urls]").Click();

        var download = JSInterop.VerifyInvoke("mediaAdmin.downloadText");
        Assert.Equal($"cdn-refresh-{requestId}.txt", download.Arguments[0]);
        Assert.Contains("/source.mp4\n", (string)download.Arguments[1]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_deletion_names_the_access_key_it_came_through_and_a_console_deletion_names_none()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var throughApi = await DeleteAssetAsync(editor, DeletionChannel.Api, "LTAIpageTest");
        var inConsole = await DeleteAssetAsync(editor);
        SignIn(editor);
        var page = Render<CdnRefreshPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=cdn-reminder-item]").Count));
        var apiCard = page.Find($"[data-request-id='{throughApi}']");
        var consoleCard = page.Find($"[data-request-id='{inConsole}']");
        Assert.Equal("through the API with AccessKey LTAIpageTest", Normalized(apiCard.QuerySelector("[data-testid=cdn-channel]")!.TextContent));
        Assert.Equal("in the console", Normalized(consoleCard.QuerySelector("[data-testid=cdn-channel]")!.TextContent));
        Assert.Null(consoleCard.QuerySelector("[data-testid=cdn-access-key]"));
    }

    [Fact]
    public async Task A_reminder_recorded_after_its_request_ended_names_that_request()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        const string original = "0F0E0D0C-0000-4000-8000-00000000C0DE";
        const string videoId = "c0de0000aaaa4000b000c0ffee000002";
        await using (var db = await App.OpenDbAsync())
        {
            db.PendingRemoteDeletions.Add(new PendingRemoteDeletion
            {
                RequestId = original, VideoId = videoId, Title = "Harbour at dawn", UserId = editor.Id, UserName = editor.UserName!,
                CdnUrls = "https://cdn.example.test/vod/harbour/hd.m3u8", SentAtUtc = DateTime.UtcNow.AddMinutes(-30),
            });
            db.RemovedRemoteAssets.Add(new RemovedRemoteAsset { AssetId = videoId, RemovedAtUtc = DateTime.UtcNow.AddMinutes(-1) });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await App.Services.GetRequiredService<LateRemoteDeletions>().ConfirmAsync(DateTime.UtcNow));
        var inConsole = await DeleteAssetAsync(editor);
        SignIn(editor);
        var page = Render<CdnRefreshPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=cdn-reminder-item]").Count));
        var late = page.FindAll("[data-testid=cdn-reminder-item]").Single(card => card.GetAttribute("data-request-id") != inConsole);
        Assert.Contains($"Recorded after request {original} ended", Normalized(late.QuerySelector("[data-testid=cdn-recorded-late]")!.TextContent), StringComparison.Ordinal);
        Assert.Contains(videoId, late.QuerySelector("[data-testid=cdn-videos]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Find($"[data-request-id='{inConsole}']").QuerySelector("[data-testid=cdn-recorded-late]"));
    }

    [Fact]
    public async Task Mark_done_requires_a_reason_and_then_closes_the_reminder_with_who_and_why()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var requestId = await DeleteAssetAsync(editor);
        SignIn(editor);
        var page = Render<CdnRefreshPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=mark-done]").Click());

        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=mark-done-confirm]").Click());

        Dialogs.WaitForAssertion(() => Assert.Contains("Say why", Dialogs.Find("[data-testid=mark-done-problem]").TextContent, StringComparison.Ordinal));
        Assert.True((await Queries.DetailAsync(editor.Id, requestId)).Value.Summary.IsOpen);

        Dialogs.Find("textarea").Input("Refreshed by hand in the vendor console");
        Dialogs.Find("[data-testid=mark-done-confirm]").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=no-reminders]")));
        var closed = (await Queries.DetailAsync(editor.Id, requestId)).Value.Summary;
        Assert.False(closed.IsOpen);
        Assert.Equal("Refreshed by hand in the vendor console", closed.DoneReason);
        Assert.Equal(editor.UserName, closed.DoneBy);
        page.Find("[data-testid=filter-All]").Click();
        page.WaitForAssertion(() => Assert.Contains("Refreshed by hand in the vendor console", page.Find("[data-testid=cdn-closed]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_viewer_cannot_mark_done_on_the_page_or_through_core()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var viewer = await App.CreateUserAsync(RoleNames.Viewer);
        var requestId = await DeleteAssetAsync(editor);
        SignIn(viewer);
        var page = Render<CdnRefreshPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=cdn-reminder-item]")));
        Assert.Empty(page.FindAll("[data-testid=mark-done]"));
        Assert.Equal(ResultStatus.Forbidden, (await Purges.MarkDoneAsync(viewer.Id, requestId, "refreshed by hand")).Status);
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
