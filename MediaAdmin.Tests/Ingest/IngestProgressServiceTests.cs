using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Ingest;

/// <summary>What the console reads about ingest progress, straight from the database.</summary>
public sealed class IngestProgressServiceTests : CoreHostTest
{
    [Fact]
    public async Task A_retried_asset_reports_its_newest_jobs_progress_a_failed_one_its_reason_and_a_deleted_one_nothing()
    {
        var owner = await App.CreateUserAsync(RoleNames.Editor);
        var retried = await App.AddAssetAsync(owner.Id, title: "Retried");
        var failed = await App.AddAssetAsync(owner.Id, title: "Failed");
        await using (var db = await App.OpenDbAsync())
        {
            var later = DateTime.UtcNow.AddHours(1);
            db.IngestJobs.AddRange(
                new IngestJob { AssetId = retried.Id, State = IngestJobState.Failed, Progress = 0.9, LeasedUntilUtc = later },
                new IngestJob { AssetId = retried.Id, State = IngestJobState.Running, Progress = 0.256, LeasedUntilUtc = later });
            await db.SaveChangesAsync();
            await db.MediaAssets.Where(a => a.Id == retried.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, MediaStatus.Transcoding));
            await db.MediaAssets.Where(a => a.Id == failed.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, MediaStatus.TranscodeFail).SetProperty(a => a.StatusReason, "No video or audio stream"));
        }

        var progress = await App.Services.GetRequiredService<IngestProgressService>().ReadAsync([retried.Id, failed.Id, "0123456789abcdef0123456789abcdef"], CancellationToken.None);

        Assert.Equal(new AssetProgress(retried.Id, MediaStatus.Transcoding, 25, null), progress[retried.Id]);
        Assert.Equal(new AssetProgress(failed.Id, MediaStatus.TranscodeFail, 0, "No video or audio stream"), progress[failed.Id]);
        Assert.Equal(2, progress.Count);
        Assert.True(progress[retried.Id].IsInFlight);
        Assert.False(progress[failed.Id].IsInFlight);
    }
}
