using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Deletion.Remote;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.AlibabaVod;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Tests.Deletion.Remote;

public sealed class RemoteVideoDeletionTests : RemoteDeletionTest
{
    [Fact]
    public async Task A_mixed_batch_is_deleted_refused_by_category_or_by_Alibaba_and_non_existent_locally_or_remotely_with_one_DeleteVideo()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var mine = Library.Add(7, "News", "Harbour at dawn");
        var locked = Library.Add(7, "News", "Locked by RAM");
        var sports = Library.Add(9, "Sports", "Final whistle");
        var goneBefore = Library.Add(7, "News", "Gone already");
        var goneMeanwhile = Library.Add(7, "News", "Deleted by a colleague");
        await RemoteSource.MirrorAsync(App.Services, mine.Video, locked.Video, sports.Video, goneBefore.Video, goneMeanwhile.Video);
        await RemoteSource.GrantAsync(App.Services, editor.Id, 7);
        Library.Remove(goneBefore.Id);
        Library.Refused[locked.Id] = true;
        Library.VanishBeforeDelete[goneMeanwhile.Id] = true;
        var unknown = Guid.NewGuid().ToString("N");

        var result = await DeleteAsync(editor.Id, mine.Id, locked.Id, sports.Id, goneBefore.Id, goneMeanwhile.Id, unknown);

        Assert.Null(result.Error);
        var deleted = Assert.Single(result.Deleted);
        Assert.Equal(mine.Id, deleted.VideoId);
        Assert.Equal(RemoteSource.CdnUrlsOf(mine), deleted.CdnUrls);
        Assert.Equal(2, result.Forbidden.Count);
        Assert.Contains("\"Sports\"", result.Forbidden.Single(f => f.VideoId == sports.Id).Reason, StringComparison.Ordinal);
        Assert.Equal(RemoteDeletionErrors.RefusedByAlibaba, result.Forbidden.Single(f => f.VideoId == locked.Id).Reason);
        Assert.Equal(new[] { goneBefore.Id, goneMeanwhile.Id, unknown }.Order(StringComparer.Ordinal), result.NonExistent.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { locked.Id, sports.Id }.Order(StringComparer.Ordinal), (await App.LiveAssetIdsAsync()).Order(StringComparer.Ordinal));

        var delete = Assert.Single(Vod.CallsTo("DeleteVideo"));
        Assert.True(delete.SignatureValid);
        Assert.Equal(string.Join(",", mine.Id, locked.Id, goneMeanwhile.Id), delete.Parameters["VideoIds"]);
        Assert.DoesNotContain(Vod.CallsTo("GetPlayInfo"), call => call.Parameters["VideoId"] == sports.Id || call.Parameters["VideoId"] == goneBefore.Id);

        await using var db = await App.OpenDbAsync();
        var reminder = await db.CdnInvalidations.SingleAsync(c => c.RequestId == result.RequestId);
        Assert.Equal(RemoteSource.CdnUrlsOf(mine), reminder.Urls);
        var audit = await db.DeletionAuditRecords.Include(r => r.Entries).SingleAsync(r => r.RequestId == result.RequestId);
        Assert.Equal(Library.DeleteRequestId, audit.RemoteRequestId);
        Assert.Equal(Library.DeleteRequestId, result.RemoteRequestId);
        Assert.Equal(6, audit.Entries.Count);
    }

    [Fact]
    public async Task Throttling_User_on_DeleteVideo_is_retried_and_the_videos_are_deleted()
    {
        var (admin, video) = await AdminWithVideoAsync();
        Vod.ReplyOnceTo("DeleteVideo", 429, """{"RequestId":"T-1","Code":"Throttling.User","Message":"Request was denied due to user flow control."}""");

        var result = await DeleteAsync(admin, video.Id);

        Assert.Null(result.Error);
        Assert.Equal(video.Id, Assert.Single(result.Deleted).VideoId);
        Assert.Equal(2, Vod.CallsTo("DeleteVideo").Count);
        Assert.False(Library.Has(video.Id));
        Assert.Empty(await App.LiveAssetIdsAsync());
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_DeleteVideoFailed_and_only_videos_already_gone_leave_the_mirror()
    {
        var (admin, video) = await AdminWithVideoAsync();
        var goneBefore = Library.Add(5, "Archive", "Deleted in Alibaba's console");
        await RemoteSource.MirrorAsync(App.Services, goneBefore.Video);
        Library.Remove(goneBefore.Id);
        const string Throttled = """{"RequestId":"T-2","Code":"Throttling.User","Message":"Request was denied due to user flow control."}""";
        Vod.ReplyOnceTo("DeleteVideo", 429, Throttled);
        Vod.ReplyOnceTo("DeleteVideo", 429, Throttled);

        var result = await DeleteAsync(admin, video.Id, goneBefore.Id);

        await AssertFailedAndNothingChangedAsync(result, video);
        Assert.Contains("Throttling.User", result.Error?.Message, StringComparison.Ordinal);
        Assert.Equal([goneBefore.Id], result.NonExistent);
        Assert.True(Library.Has(video.Id));
    }

    [Fact]
    public async Task DeleteVideoFailed_503_changes_nothing_and_is_offered_for_retry()
    {
        var (admin, video) = await AdminWithVideoAsync();
        Vod.ReplyOnceTo("DeleteVideo", 503, """{"RequestId":"F-503","Code":"DeleteVideoFailed","Message":"Deleting video has failed due to some unknown error."}""");

        var result = await DeleteAsync(admin, video.Id);

        await AssertFailedAndNothingChangedAsync(result, video);
        Assert.Equal(503, result.Error?.HttpStatus);
        Assert.Contains("F-503", result.Error?.Message, StringComparison.Ordinal);
        Assert.Single(Vod.CallsTo("DeleteVideo"));
        await using var db = await App.OpenDbAsync();
        var audit = await db.DeletionAuditRecords.SingleAsync(r => r.RequestId == result.RequestId);
        Assert.Equal((DeletionError.DeleteVideoFailedCode, "F-503"), (audit.ErrorCode, audit.RemoteRequestId));
    }

    [Fact]
    public async Task A_timeout_after_Alibaba_deleted_is_rechecked_and_reported_deleted_with_the_captured_urls()
    {
        var (admin, video) = await AdminWithVideoAsync();
        Library.StallAfterDelete = TimeSpan.FromSeconds(8);

        var result = await DeleteAsync(admin, video.Id);

        Assert.Null(result.Error);
        Assert.Equal(RemoteSource.CdnUrlsOf(video), Assert.Single(result.Deleted).CdnUrls);
        Assert.Single(Vod.CallsTo("DeleteVideo"));
        Assert.Equal(2, Vod.CallsTo("GetVideoInfos").Count);
        Assert.Empty(await App.LiveAssetIdsAsync());
        await using var db = await App.OpenDbAsync();
        Assert.Equal(RemoteSource.CdnUrlsOf(video), (await db.CdnInvalidations.SingleAsync(c => c.RequestId == result.RequestId)).Urls);
    }

    [Fact]
    public async Task A_timeout_where_Alibaba_did_not_delete_is_reported_failed_and_the_mirror_is_unchanged()
    {
        var (admin, video) = await AdminWithVideoAsync();
        Vod.ReplyOnceTo("DeleteVideo", 200, """{"RequestId":"late"}""", delay: TimeSpan.FromSeconds(8));

        var result = await DeleteAsync(admin, video.Id);

        await AssertFailedAndNothingChangedAsync(result, video);
        Assert.Contains(video.Id, result.Error?.Message, StringComparison.Ordinal);
        Assert.True(Library.Has(video.Id));
    }

    [Fact]
    public async Task A_malformed_reply_after_Alibaba_deleted_is_rechecked_and_reported_deleted()
    {
        var (admin, video) = await AdminWithVideoAsync();
        Library.MalformedAfterDelete = true;

        var result = await DeleteAsync(admin, video.Id);

        Assert.Null(result.Error);
        Assert.Equal(video.Id, Assert.Single(result.Deleted).VideoId);
        Assert.Empty(await App.LiveAssetIdsAsync());
    }

    [Fact]
    public async Task When_the_re_check_fails_too_the_deletion_is_reported_failed_and_nothing_changes_locally()
    {
        var (admin, video) = await AdminWithVideoAsync();
        Library.StallAfterDelete = TimeSpan.FromSeconds(8);
        Library.FailRecheck = true;

        var result = await DeleteAsync(admin, video.Id);

        await AssertFailedAndNothingChangedAsync(result, video);
    }

    [Fact]
    public async Task When_the_CDN_urls_cannot_be_read_nothing_is_deleted()
    {
        var (admin, video) = await AdminWithVideoAsync();
        const string Failure = """{"RequestId":"P-500","Code":"InternalError","Message":"The request processing has failed due to some unknown error."}""";
        Vod.ReplyOnceTo("GetPlayInfo", 500, Failure);
        Vod.ReplyOnceTo("GetPlayInfo", 500, Failure);

        var result = await DeleteAsync(admin, video.Id);

        await AssertFailedAndNothingChangedAsync(result, video);
        Assert.Empty(Vod.CallsTo("DeleteVideo"));
        Assert.True(Library.Has(video.Id));
    }

    [Fact]
    public async Task A_video_with_nothing_to_play_yet_is_deleted_with_its_cover_and_snapshots_as_the_only_urls()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var transcoding = Library.Add(3, "Drafts", "Still transcoding", playable: false);
        await RemoteSource.MirrorAsync(App.Services, transcoding.Video);

        var result = await DeleteAsync(admin.Id, transcoding.Id);

        Assert.Equal(RemoteSource.CdnUrlsOf(transcoding), Assert.Single(result.Deleted).CdnUrls);
    }

    [Fact]
    public async Task IDs_neither_the_mirror_nor_Alibaba_has_are_non_existent_and_nothing_is_deleted()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var unknown = Guid.NewGuid().ToString("N");

        var result = await DeleteAsync(admin.Id, unknown);

        Assert.Equal(DeletionError.InvalidVideoNotFoundCode, result.Error?.Code);
        Assert.Equal([unknown], result.NonExistent);
        Assert.Equal(unknown, Assert.Single(Vod.CallsTo("GetVideoInfos")).Parameters["VideoIds"]);
        Assert.Empty(Vod.CallsTo("DeleteVideo"));
    }

    [Fact]
    public async Task IDs_not_in_Alibaba_format_are_non_existent_without_asking_Alibaba()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);

        var result = await DeleteAsync(admin.Id, "not-a-vod-id");

        Assert.Equal(DeletionError.InvalidVideoNotFoundCode, result.Error?.Code);
        Assert.Equal(["not-a-vod-id"], result.NonExistent);
        Assert.Empty(Vod.CallsTo("GetVideoInfos"));
        Assert.Empty(Vod.CallsTo("DeleteVideo"));
    }

    private async Task<(string UserId, RemoteVideo Video)> AdminWithVideoAsync()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var video = Library.Add(5, "Archive", "Evening news");
        await RemoteSource.MirrorAsync(App.Services, video.Video);
        return (admin.Id, video);
    }

    /// <summary>DeleteVideoFailed (offered for retry), nothing reported deleted, the mirror and the CDN reminders as they were.</summary>
    private async Task AssertFailedAndNothingChangedAsync(DeleteVideosResult result, RemoteVideo video)
    {
        Assert.Equal(DeletionError.DeleteVideoFailedCode, result.Error?.Code);
        Assert.True(result.Error?.IsTransient);
        Assert.Empty(result.Deleted);
        Assert.Equal([video.Id], await App.LiveAssetIdsAsync());
        await using var db = await App.OpenDbAsync();
        Assert.Empty(await db.CdnInvalidations.ToListAsync());
    }
}
