using MediaAdmin.Core.Data;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MediaAdmin.Tests.Ingest;

/// <summary>The queue is durable: a job broken off by a stop or a crash runs again on the next start and finishes.</summary>
public sealed class IngestRestartTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TempFolder _sources = new();

    public void Dispose()
    {
        _folder.Dispose();
        _sources.Dispose();
    }

    [Fact]
    public async Task A_job_stopped_mid_transcode_and_then_left_running_by_a_dead_process_is_taken_again_and_finishes()
    {
        string id;
        await using (var first = await IngestTestHost.StartAsync(_folder.Path))
        {
            var editor = await first.App.CreateUserAsync(RoleNames.Editor);
            var encoding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var stopping = first.App.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            first.Hooks.StepReached = (_, step) =>
            {
                if (step == IngestStep.Encoding)
                {
                    // ffmpeg waits on this hook until the host is being stopped, so the stop lands mid-encode.
                    encoding.TrySetResult();
                    stopping.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                }
            };
            id = await first.SubmitAsync(editor.Id, await TestClips.VideoAsync(_sources.Path, 640, 360, seconds: 3));
            await encoding.Task.WaitAsync(TimeSpan.FromMinutes(1));
        }

        await using (var db = OpenDb())
        {
            var released = await db.IngestJobs.SingleAsync(j => j.AssetId == id);
            // A clean stop is not a failed attempt: the job is handed back uncounted and the asset waits again.
            Assert.Equal((IngestJobState.Queued, 0), (released.State, released.Attempts));
            Assert.Equal(MediaStatus.UploadSucc, (await db.MediaAssets.SingleAsync(a => a.Id == id)).Status);

            // Now as if the process had died holding the job: running, on a lease that has run out.
            await db.IngestJobs.Where(j => j.Id == released.Id).ExecuteUpdateAsync(set => set
                .SetProperty(j => j.State, IngestJobState.Running)
                .SetProperty(j => j.LeasedUntilUtc, DateTime.UtcNow.AddSeconds(-1)));
        }

        await using var second = await IngestTestHost.StartAsync(_folder.Path);
        var asset = await second.SettledAsync(id);

        Assert.Equal(MediaStatus.Normal, asset.Status);
        Assert.Contains(asset.Files, f => f.StorageKey == $"media/{id}/streams/hls-360p/index.m3u8");
        var job = await second.JobAsync(id);
        Assert.Equal((IngestJobState.Succeeded, 1), (job.State, job.Attempts));
        await second.AssertNothingStrayAsync();
    }

    /// <summary>The database between two runs, with no host (and so no worker) on it.</summary>
    private SqliteMediaDbContext OpenDb() =>
        new(new DbContextOptionsBuilder<SqliteMediaDbContext>().UseSqlite($"Data Source={Path.Combine(_folder.Path, "mediaadmin.db")};Pooling=False").Options);
}
