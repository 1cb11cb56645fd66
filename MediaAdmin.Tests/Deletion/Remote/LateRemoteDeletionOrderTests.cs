using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Deletion.Remote;

/// <summary>Which request a late deletion belongs to: the newest that sent it, and none whose sending came after the video left the mirror.</summary>
public sealed class LateRemoteDeletionOrderTests : LateRemoteDeletionTest
{
    [Fact]
    public async Task A_video_deleted_by_a_later_request_after_a_lost_answer_is_reminded_of_once_under_the_later_request()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var video = await MirroredVideoAsync();
        Vod.ReplyOnceTo("DeleteVideo", 200, """{"RequestId":"late"}""", delay: TimeSpan.FromSeconds(8));
        var lost = await DeleteAsync(admin.Id, video.Id);
        Assert.Equal(DeletionError.DeleteVideoFailedCode, lost.Error?.Code);

        var retried = await DeleteAsync(admin.Id, video.Id);

        Assert.Null(retried.Error);
        Assert.Equal(0, await Late.ConfirmAsync(DateTime.UtcNow));
        await using var db = await App.OpenDbAsync();
        var reminder = await db.CdnInvalidations.SingleAsync();
        Assert.Equal(retried.RequestId, reminder.RequestId);
        Assert.Equal(RemoteSource.CdnUrlsOf(video), reminder.Urls);
        Assert.Empty(await db.PendingRemoteDeletions.ToListAsync());
    }

    [Fact]
    public async Task Two_unanswered_deletions_of_one_video_give_one_reminder_in_the_name_of_the_later_request()
    {
        var first = await App.CreateUserAsync(RoleNames.Administrator);
        var second = await App.CreateUserAsync(RoleNames.Administrator);
        var video = await MirroredVideoAsync();
        Vod.ReplyOnceTo("DeleteVideo", 200, """{"RequestId":"late"}""", delay: TimeSpan.FromSeconds(8));
        var earlier = await DeleteAsync(first.Id, video.Id);
        Library.StallAfterDelete = TimeSpan.FromSeconds(8);
        Library.FailRecheck = true;
        var later = await DeleteAsync(second.Id, video.Id);
        Assert.Equal((DeletionError.DeleteVideoFailedCode, DeletionError.DeleteVideoFailedCode), (earlier.Error?.Code, later.Error?.Code));

        await App.Services.GetRequiredService<RemoteMirror>().RemoveAsync([video.Id]);

        Assert.Equal(1, await Late.ConfirmAsync(DateTime.UtcNow));
        Assert.Equal(0, await Late.ConfirmAsync(DateTime.UtcNow));
        await using var db = await App.OpenDbAsync();
        var reminder = await db.CdnInvalidations.SingleAsync();
        Assert.Equal((second.Id, RemoteSource.CdnUrlsOf(video).Count), (reminder.DeletedByUserId, reminder.UrlCount));
        var entry = (await db.DeletionAuditRecords.Include(r => r.Entries).SingleAsync(r => r.RequestId == reminder.RequestId)).Entries.Single();
        Assert.Contains(later.RequestId, entry.Reason, StringComparison.Ordinal);
        Assert.Empty(await db.PendingRemoteDeletions.ToListAsync());
    }

    [Fact]
    public async Task A_removal_from_the_mirror_before_the_deletion_was_sent_does_not_confirm_it()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var video = await MirroredVideoAsync();
        var mirror = App.Services.GetRequiredService<RemoteMirror>();
        await mirror.RemoveAsync([video.Id]);
        await mirror.UpsertAsync([video.Video], seenInSyncRunId: null, DateTime.UtcNow);
        Library.StallAfterDelete = TimeSpan.FromSeconds(8);
        Library.FailRecheck = true;

        var result = await DeleteAsync(admin.Id, video.Id);

        Assert.Equal(DeletionError.DeleteVideoFailedCode, result.Error?.Code);
        Assert.Contains(video.Id, await App.LiveAssetIdsAsync());
        Assert.Equal(0, await Late.ConfirmAsync(DateTime.UtcNow));
        Assert.Empty(await ReminderUrlsAsync());
    }
}
