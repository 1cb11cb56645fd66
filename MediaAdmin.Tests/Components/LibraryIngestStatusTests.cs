using Bunit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Web.Components.Pages.Library;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Tests.Components;

/// <summary>The library grid's status chips, read from the assets and their ingest jobs in a real SQLite file.</summary>
public sealed class LibraryIngestStatusTests : LibraryPageTest
{
    private static readonly TimeSpan LiveUpdateWait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_asset_whose_job_runs_at_40_percent_shows_transcoding_40_percent_with_a_progress_bar()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var asset = await App.AddAssetAsync(editor.Id, title: "Harbour in transcoding");
        await SetStatusAsync(asset.Id, MediaStatus.Transcoding);
        await AddJobAsync(asset.Id, IngestJobState.Running, 0.4);

        var page = RenderAs(editor);

        page.WaitForAssertion(() => Assert.Equal("Transcoding 40%", StatusChip(page).TextContent.Trim()));
        Assert.Equal("40", page.Find("[data-testid=status-progress]").GetAttribute("aria-valuenow"));
    }

    [Fact]
    public async Task A_transcode_failure_shows_in_red_with_its_reason_in_the_cell_and_on_hover()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var asset = await App.AddAssetAsync(editor.Id, title: "Broken upload");
        const string reason = "ffmpeg could not decode the source: Invalid data found when processing input";
        await SetStatusAsync(asset.Id, MediaStatus.TranscodeFail, reason);
        await AddJobAsync(asset.Id, IngestJobState.Failed, 0.1);

        var page = RenderAs(editor);

        page.WaitForAssertion(() => Assert.Equal(reason, page.Find("[data-testid=status-reason]").TextContent));
        Assert.Equal(reason, page.Find("[data-testid=status-chip]").GetAttribute("title"));
        Assert.Contains("mud-chip-color-error", page.Find("[data-testid=status-chip] .mud-chip").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_queued_asset_moves_to_transcoding_and_then_normal_without_a_reload()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var asset = await App.AddAssetAsync(editor.Id, title: "Harbour on its way");
        await SetStatusAsync(asset.Id, MediaStatus.UploadSucc);
        var jobId = await AddJobAsync(asset.Id, IngestJobState.Queued, 0);
        var page = RenderAs(editor);
        page.WaitForAssertion(() => Assert.Equal("Queued", StatusChip(page).TextContent.Trim()));

        await SetStatusAsync(asset.Id, MediaStatus.Transcoding);
        await SetJobProgressAsync(jobId, 0.7);
        page.WaitForAssertion(() => Assert.Equal("Transcoding 70%", StatusChip(page).TextContent.Trim()), LiveUpdateWait);

        await SetStatusAsync(asset.Id, MediaStatus.Normal);
        page.WaitForAssertion(() => Assert.Equal("Normal", StatusChip(page).TextContent.Trim()), LiveUpdateWait);
    }

    private static AngleSharp.Dom.IElement StatusChip(IRenderedComponent<LibraryPage> page) => page.Find("[data-testid=status-chip] .mud-chip");

    private async Task SetStatusAsync(string assetId, MediaStatus status, string? reason = null)
    {
        await using var db = await App.OpenDbAsync();
        await db.MediaAssets.Where(a => a.Id == assetId).ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, status).SetProperty(a => a.StatusReason, reason));
    }

    private async Task<long> AddJobAsync(string assetId, IngestJobState state, double progress)
    {
        await using var db = await App.OpenDbAsync();
        // Leased far ahead, so the host's own worker leaves these hand-made jobs alone.
        var job = new IngestJob
        {
            AssetId = assetId, State = state, Progress = progress, LeasedUntilUtc = DateTime.UtcNow.AddHours(1), CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
        };
        db.IngestJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    private async Task SetJobProgressAsync(long jobId, double progress)
    {
        await using var db = await App.OpenDbAsync();
        await db.IngestJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(set => set.SetProperty(j => j.Progress, progress).SetProperty(j => j.State, IngestJobState.Running));
    }
}
