using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Deletion.Remote;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Deletion.Remote;

/// <summary>
/// A DeleteVideo whose outcome nobody could tell (the answer lost, the re-check failing or still finding the video, the
/// record refused): once the library no longer lists the video, its CDN reminder and audit record are written with the URLs captured before.
/// </summary>
public sealed class LateRemoteDeletionTests : LateRemoteDeletionTest
{
    [Fact]
    public async Task A_deletion_whose_outcome_was_unknown_gets_its_reminder_with_the_captured_urls_once_the_library_no_longer_lists_the_video()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var video = await MirroredVideoAsync();
        Library.StallAfterDelete = TimeSpan.FromSeconds(8);
        Library.FailRecheck = true;

        var result = await DeleteAsync(admin.Id, video.Id);

        Assert.Equal(DeletionError.DeleteVideoFailedCode, result.Error?.Code);
        Assert.EndsWith("the CDN reminder of any that were deleted is added then.", result.Error?.Message, StringComparison.Ordinal);
        Assert.False(Library.Has(video.Id));
        Assert.Equal(0, await Late.ConfirmAsync(DateTime.UtcNow));
        Assert.Empty(await ReminderUrlsAsync());

        await App.Services.GetRequiredService<RemoteMirror>().RemoveAsync([video.Id]);

        Assert.Equal(0, await Late.ConfirmAsync(DateTime.UtcNow - Late.RequestGrace));
        Assert.Equal(1, await Late.ConfirmAsync(DateTime.UtcNow));
        Assert.Equal(0, await Late.ConfirmAsync(DateTime.UtcNow));
        await using var db = await App.OpenDbAsync();
        var reminder = await db.CdnInvalidations.SingleAsync();
        Assert.Equal(RemoteSource.CdnUrlsOf(video), reminder.Urls);
        Assert.Equal((admin.Id, admin.UserName, video.Id), (reminder.DeletedByUserId, reminder.DeletedByName, reminder.VideoIds));
        Assert.NotEqual(result.RequestId, reminder.RequestId);
        var late = await db.DeletionAuditRecords.Include(r => r.Entries).SingleAsync(r => r.RequestId == reminder.RequestId);
        Assert.Equal((null, result.RequestId), (late.ErrorCode, late.OriginalRequestId));
        var entry = Assert.Single(late.Entries);
        Assert.Equal((video.Id, DeletionOutcome.Deleted, video.Video.Title), (entry.VideoId, entry.Outcome, entry.Title));
        Assert.Contains(result.RequestId, entry.Reason, StringComparison.Ordinal);
        Assert.Equal(DeletionError.DeleteVideoFailedCode, (await db.DeletionAuditRecords.SingleAsync(r => r.RequestId == result.RequestId)).ErrorCode);
        Assert.Empty(await db.PendingRemoteDeletions.ToListAsync());
    }

    [Fact]
    public async Task A_video_still_listed_after_a_lost_answer_gets_no_reminder_and_is_forgotten_once_a_full_sync_after_the_retention_lists_it()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var video = await MirroredVideoAsync();
        Vod.ReplyOnceTo("DeleteVideo", 200, """{"RequestId":"late"}""", delay: TimeSpan.FromSeconds(8));

        var result = await DeleteAsync(admin.Id, video.Id);

        Assert.Equal(DeletionError.DeleteVideoFailedCode, result.Error?.Code);
        Assert.EndsWith("their CDN reminder is added once the library no longer lists them.", result.Error?.Message, StringComparison.Ordinal);
        Assert.True(Library.Has(video.Id));
        Assert.Equal(0, await Late.ConfirmAsync(DateTime.UtcNow));
        Assert.Equal(0, await Late.PruneAsync(DateTime.UtcNow));
        Assert.Equal(1, await Late.PruneAsync(DateTime.UtcNow, endingFullSyncStartedAtUtc: DateTime.UtcNow));

        await App.Services.GetRequiredService<RemoteMirror>().RemoveAsync([video.Id]);

        Assert.Equal(0, await Late.ConfirmAsync(DateTime.UtcNow));
        Assert.Empty(await ReminderUrlsAsync());
    }

    [Fact]
    public async Task A_deletion_answered_at_once_leaves_nothing_for_later()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var kept = await MirroredVideoAsync();
        var gone = await MirroredVideoAsync();
        Library.Refused[kept.Id] = true;

        var result = await DeleteAsync(admin.Id, kept.Id, gone.Id);

        Assert.Equal(gone.Id, Assert.Single(result.Deleted).VideoId);
        Assert.Equal(kept.Id, Assert.Single(result.Forbidden).VideoId);
        await using var db = await App.OpenDbAsync();
        Assert.Empty(await db.PendingRemoteDeletions.ToListAsync());
        Assert.Equal(RemoteSource.CdnUrlsOf(gone), (await db.CdnInvalidations.SingleAsync()).Urls);
    }

    [Fact]
    public async Task A_deletion_whose_record_could_not_be_written_gets_its_reminder_later_and_only_for_the_videos_Alibaba_deleted()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var deleted = await MirroredVideoAsync();
        var vanished = await MirroredVideoAsync();
        Library.VanishBeforeDelete[vanished.Id] = true;
        Database.FailWhenSqlContains = "INSERT INTO \"DeletionAuditRecords\"";

        var result = await DeleteAsync(admin.Id, deleted.Id, vanished.Id);

        Assert.Null(result.Error);
        Assert.Equal(deleted.Id, Assert.Single(result.Deleted).VideoId);
        Assert.Equal([vanished.Id], result.NonExistent);
        Assert.True(Database.Failures > 0);
        Assert.Empty(await ReminderUrlsAsync());
        Assert.Empty(await App.LiveAssetIdsAsync());

        Database.FailWhenSqlContains = null;
        Assert.Equal(1, await Late.ConfirmAsync(DateTime.UtcNow));

        await using var db = await App.OpenDbAsync();
        var reminder = await db.CdnInvalidations.SingleAsync();
        Assert.Equal(deleted.Id, reminder.VideoIds);
        Assert.Equal(RemoteSource.CdnUrlsOf(deleted), reminder.Urls);
        Assert.Equal(deleted.Id, (await db.DeletionAuditRecords.Include(r => r.Entries).SingleAsync()).Entries.Single().VideoId);
    }
}
