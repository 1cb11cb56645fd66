using Bunit;
using Microsoft.EntityFrameworkCore;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Components;

public sealed class DeletionResultsPanelTests : CoreComponentTest
{
    private static readonly DeleteVideosResult Mixed = new(
        "AE9F3948-133C-4239-9B4C-7F79D6CC3CDF",
        null,
        [new DeletedVideo("a1", "Own clip", 2, 100, ["https://cdn.test/media/a1/source.mp4", "https://cdn.test/media/a1/snapshots/00.png"])],
        [new ForbiddenVideo("b2", "Their clip", "You can delete only assets you own; this one belongs to Eli.")],
        ["c3"]);

    // The CDN reminder reads Core's purge services; its own tests (Components/Cdn) render it over a real Core.
    public DeletionResultsPanelTests() => ComponentFactories.AddStub<MediaAdmin.Web.Components.Shared.CdnReminder.CdnDeletionReminder>();

    protected override async Task StartAsync()
    {
        await base.StartAsync();
        Services.AddSingleton(App.Services.GetRequiredService<FileRemovalProgressService>());
    }

    [Fact]
    public async Task The_file_removal_progress_updates_live_until_storage_is_clean()
    {
        var assetId = Core.Library.VideoId.New();
        await using (var db = await App.OpenDbAsync())
        {
            // A removal that the worker will not take yet, half-way through its 60,000 files.
            db.PendingFileDeletions.Add(new PendingFileDeletion
            {
                AssetId = assetId, StoragePrefix = PendingFileDeletion.PrefixOf(assetId), RequestId = "R-progress",
                TotalFiles = 60_000, RemovedFiles = 1_840, NextAttemptAtUtc = DateTime.UtcNow.AddHours(1),
            });
            await db.SaveChangesAsync();
        }

        var result = new DeleteVideosResult("R-progress", null, [new DeletedVideo(assetId, "Long film", 60_000, 1, [])], [], []);
        var panel = Render<DeletionResultsPanel>(p => p.Add(c => c.Result, result).Add(c => c.RefreshConsoleUrl, "https://x.example"));

        panel.WaitForAssertion(() => Assert.Equal("1,840 of 60,000 files removed", panel.Find("[data-testid=removal-progress]").TextContent));
        await using (var db = await App.OpenDbAsync())
        {
            await db.PendingFileDeletions.Where(p => p.RequestId == "R-progress").ExecuteDeleteAsync();
        }

        panel.WaitForAssertion(() => Assert.Equal("Storage clean", panel.Find("[data-testid=removal-progress]").TextContent), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Each_list_and_the_cdn_reminder_show_what_happened_to_every_id()
    {
        var panel = Render<DeletionResultsPanel>(p => p.Add(c => c.Result, Mixed).Add(c => c.RefreshConsoleUrl, "https://refresh.example/console"));

        Assert.Contains("AE9F3948-133C-4239-9B4C-7F79D6CC3CDF", panel.Find("[data-testid=request-id]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Own clip", panel.Find("[data-testid=deleted-list]").TextContent, StringComparison.Ordinal);
        Assert.Contains("belongs to Eli", panel.Find("[data-testid=forbidden-list]").TextContent, StringComparison.Ordinal);
        Assert.Equal("c3", panel.Find("[data-testid=nonexistent-list]").TextContent.Trim());
        Assert.Equal(
            "CDN caches were not refreshed: a delete does not purge the CDN, so these 2 URLs may still be served until you refresh them. "
            + "Open the CDN refresh console, then mark it done on the CDN refresh page.",
            Words(panel.Find("[data-testid=cdn-reminder]").TextContent));
        Assert.Equal("not", panel.Find("[data-testid=cdn-reminder] b").TextContent);
        Assert.Equal("https://refresh.example/console", panel.Find("[data-testid=cdn-console-link]").GetAttribute("href"));
        Assert.Equal("https://cdn.test/media/a1/source.mp4\nhttps://cdn.test/media/a1/snapshots/00.png", panel.Find("[data-testid=cdn-urls]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=request-error]"));
    }

    [Fact]
    public void With_a_provider_purging_automatically_the_reminder_says_a_purge_was_queued_and_links_its_state()
    {
        Services.AddSingleton(Options.Create(new CdnPurgeOptions { Provider = "Http", Automatic = true }));

        var panel = Render<DeletionResultsPanel>(p => p.Add(c => c.Result, Mixed).Add(c => c.RefreshConsoleUrl, "https://refresh.example/console"));

        Assert.Equal("A CDN purge of these 2 URLs was queued; its state: follow it on the reminder.", Words(panel.Find("[data-testid=cdn-reminder]").TextContent));
        Assert.Equal("/cdn-refresh/AE9F3948-133C-4239-9B4C-7F79D6CC3CDF", panel.Find("[data-testid=cdn-purge-state-link]").GetAttribute("href"));
        Assert.Empty(panel.FindAll("[data-testid=cdn-console-link]"));
    }

    [Fact]
    public void With_a_provider_waiting_for_a_person_the_reminder_asks_for_refresh_now()
    {
        Services.AddSingleton(Options.Create(new CdnPurgeOptions { Provider = "AlibabaVod", Automatic = false }));

        var panel = Render<DeletionResultsPanel>(p => p.Add(c => c.Result, Mixed).Add(c => c.RefreshConsoleUrl, "https://refresh.example/console"));

        Assert.Equal(
            "CDN caches were not refreshed yet: these 2 URLs may still be served until you press Refresh now (below or on the reminder).",
            Words(panel.Find("[data-testid=cdn-reminder]").TextContent));
        Assert.Equal("/cdn-refresh/AE9F3948-133C-4239-9B4C-7F79D6CC3CDF", panel.Find("[data-testid=cdn-purge-state-link]").GetAttribute("href"));
        Assert.Empty(panel.FindAll("[data-testid=cdn-console-link]"));
    }

    [Fact]
    public void Download_sends_one_url_per_line()
    {
        var panel = Render<DeletionResultsPanel>(p => p.Add(c => c.Result, Mixed).Add(c => c.RefreshConsoleUrl, "https://refresh.example"));

        panel.Find("[data-testid=download-urls]").Click();

        var call = JSInterop.VerifyInvoke("mediaAdmin.downloadText");
        Assert.Equal("cdn-refresh-AE9F3948-133C-4239-9B4C-7F79D6CC3CDF.txt", call.Arguments[0]);
        Assert.Equal("https://cdn.test/media/a1/source.mp4\nhttps://cdn.test/media/a1/snapshots/00.png\n", call.Arguments[1]);
    }

    [Fact]
    public void DeleteVideoFailed_offers_a_retry_that_calls_back()
    {
        var retried = 0;
        var failed = new DeleteVideosResult("R", DeletionError.DeleteVideoFailed, [], [], []);
        var panel = Render<DeletionResultsPanel>(p => p.Add(c => c.Result, failed).Add(c => c.RefreshConsoleUrl, "https://x.example")
            .Add(c => c.OnRetry, () => retried++));

        Assert.Contains("DeleteVideoFailed", panel.Find("[data-testid=request-error]").TextContent, StringComparison.Ordinal);
        panel.Find("[data-testid=retry]").Click();

        Assert.Equal(1, retried);
        Assert.Empty(panel.FindAll("[data-testid=cdn-reminder]"));
    }

    [Theory]
    [InlineData("VideoIdsExceededMax", "At most 20 assets")]
    [InlineData("InvalidVideo.NotFound", "None of the selected assets exists")]
    public void Request_errors_that_a_retry_cannot_fix_are_explained_without_a_retry(string code, string explanation)
    {
        var error = code == "VideoIdsExceededMax" ? DeletionError.VideoIdsExceededMax : DeletionError.InvalidVideoNotFound;
        var panel = Render<DeletionResultsPanel>(p => p.Add(c => c.Result, new DeleteVideosResult("R", error, [], [], ["x"]))
            .Add(c => c.RefreshConsoleUrl, "https://x.example").Add(c => c.OnRetry, () => { }));

        Assert.Contains(explanation, panel.Find("[data-testid=request-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=retry]"));
    }

    /// <summary>The text as a reader sees it: markup line breaks and indentation collapsed to single spaces.</summary>
    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
