using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Tests.Ingest;

/// <summary>
/// DeleteVideo landing while an asset is being transcoded, at each step of its job: the job stops, and storage ends
/// holding exactly the files of live assets (nothing the job wrote or was writing survives, no row comes back).
/// </summary>
public sealed class DeleteDuringIngestTests : IngestHostTest
{
    [Fact]
    public Task A_delete_before_the_first_output_cancels_the_job_and_leaves_no_file() => DeleteAtAsync(IngestStep.Started);

    [Fact]
    public Task A_delete_while_ffmpeg_encodes_the_ladder_stops_it_and_leaves_no_file() => DeleteAtAsync(IngestStep.Encoding);

    [Fact]
    public Task A_delete_while_outputs_are_being_stored_removes_those_already_stored() => DeleteAtAsync(IngestStep.StoringOutputs);

    [Fact]
    public Task A_delete_right_before_the_job_commits_removes_every_output_and_no_row_comes_back() => DeleteAtAsync(IngestStep.Committing);

    [Fact]
    public async Task A_queued_job_whose_asset_is_deleted_before_it_runs_ends_cancelled_and_the_next_job_still_runs()
    {
        var editor = await Host.App.CreateUserAsync(RoleNames.Editor);
        using var release = new ManualResetEventSlim();
        var blocked = 0;
        Host.Hooks.StepReached = (_, step) =>
        {
            // The one worker holds the first job, so the second stays queued until it is deleted.
            if (step == IngestStep.Started && Interlocked.Exchange(ref blocked, 1) == 0)
            {
                release.Wait(TimeSpan.FromSeconds(30));
            }
        };
        var running = await Host.SubmitAsync(editor.Id, await TestClips.VideoAsync(Sources.Path, 320, 180, seconds: 1, name: "a.mp4"));
        var queued = await Host.SubmitAsync(editor.Id, await TestClips.VideoAsync(Sources.Path, 320, 180, seconds: 1, name: "b.mp4"));

        var deletion = await Host.App.Deletion.DeleteAsync(new DeletionCaller(editor.Id, DeletionChannel.Console), queued);
        release.Set();

        Assert.Equal([queued], deletion.Deleted.Select(d => d.VideoId));
        Assert.Equal(IngestJobState.Succeeded, await Host.AttemptEndedAsync(running));
        Assert.Equal(IngestJobState.Cancelled, await Host.AttemptEndedAsync(queued));
        Assert.Equal([running], await Host.App.LiveAssetIdsAsync());
        await Host.AssertNothingStrayAsync();
    }

    private async Task DeleteAtAsync(IngestStep step)
    {
        var editor = await Host.App.CreateUserAsync(RoleNames.Editor);
        var bystander = await Host.App.AddAssetAsync(editor.Id);
        var source = await TestClips.VideoAsync(Sources.Path, 640, 360, seconds: 3);
        DeleteVideosResult? deletion = null;
        var reachedSteps = new List<IngestStep>();
        Host.Hooks.StepReached = (assetId, reached) =>
        {
            reachedSteps.Add(reached);
            if (reached == step)
            {
                deletion = Host.App.Deletion.DeleteAsync(new DeletionCaller(editor.Id, DeletionChannel.Console), assetId).GetAwaiter().GetResult();
            }
        };

        var id = await Host.SubmitAsync(editor.Id, source);

        Assert.Equal(IngestJobState.Cancelled, await Host.AttemptEndedAsync(id));
        Assert.Equal(step, reachedSteps[^1]); // stopped there: ffmpeg killed, nothing more stored, no commit tried
        Assert.Equal([id], deletion!.Deleted.Select(d => d.VideoId));
        Assert.Equal([bystander.Id], await Host.App.LiveAssetIdsAsync());
        await Host.App.WaitForNoPendingDeletionsAsync();
        await using (var db = await Host.App.OpenDbAsync())
        {
            Assert.False(await db.MediaFiles.AnyAsync(f => f.AssetId == id));
        }

        var job = await Host.JobAsync(id);
        Assert.Equal((IngestJobState.Cancelled, "The asset was deleted during ingest."), (job.State, job.Error));
        await Host.AssertNothingStrayAsync();
        Assert.Empty(await Host.App.StoredKeysAsync($"media/{id}"));
    }
}
