using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.AlibabaVod;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Tests.Deletion.Remote;

/// <summary>Deletion through Alibaba decided on what Alibaba says now, not on what the mirror last heard.</summary>
public sealed class RemoteDeletionFreshnessTests : RemoteDeletionTest
{
    [Fact]
    public async Task A_video_moved_into_a_granted_category_since_the_last_sync_is_deleted()
    {
        var editor = await EditorGrantedNewsAsync();
        var video = await MirroredThenMovedAsync((9, "Sports"), (7, "News"));

        var result = await DeleteAsync(editor, video.Id);

        Assert.Null(result.Error);
        Assert.Equal(video.Id, Assert.Single(result.Deleted).VideoId);
        Assert.False(Library.Has(video.Id));
    }

    [Fact]
    public async Task A_video_moved_out_of_a_granted_category_since_the_last_sync_is_refused_naming_its_new_category()
    {
        var editor = await EditorGrantedNewsAsync();
        var video = await MirroredThenMovedAsync((7, "News"), (9, "Sports"));

        var result = await DeleteAsync(editor, video.Id);

        Assert.Contains("\"Sports\"", Assert.Single(result.Forbidden).Reason, StringComparison.Ordinal);
        Assert.Empty(Vod.CallsTo("DeleteVideo"));
        Assert.True(Library.Has(video.Id));
    }

    [Fact]
    public async Task A_video_uploaded_to_Alibaba_but_not_yet_mirrored_is_deleted_with_its_cdn_urls()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var video = Library.Add(5, "Archive", "Uploaded a moment ago");

        var result = await DeleteAsync(admin.Id, video.Id);

        Assert.Null(result.Error);
        Assert.Equal(RemoteSource.CdnUrlsOf(video), Assert.Single(result.Deleted).CdnUrls);
        Assert.Equal(video.Id, Assert.Single(Vod.CallsTo("GetVideoInfos")).Parameters["VideoIds"]);
        Assert.False(Library.Has(video.Id));
    }

    [Fact]
    public async Task A_video_not_yet_mirrored_in_a_category_not_granted_is_refused_naming_the_category()
    {
        var editor = await EditorGrantedNewsAsync();
        var video = Library.Add(9, "Sports", "Uploaded a moment ago");

        var result = await DeleteAsync(editor, video.Id);

        Assert.Contains("\"Sports\"", Assert.Single(result.Forbidden).Reason, StringComparison.Ordinal);
        Assert.Empty(result.NonExistent);
        Assert.True(Library.Has(video.Id));
    }

    [Fact]
    public async Task Signed_play_cover_and_snapshot_urls_are_captured_without_their_auth_key()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var video = Library.Add(5, "Archive", "Behind URL authentication");
        await RemoteSource.MirrorAsync(App.Services, video.Video);
        Library.SignedUrls = true;

        var result = await DeleteAsync(admin.Id, video.Id);

        Assert.Equal(RemoteSource.CdnUrlsOf(video), Assert.Single(result.Deleted).CdnUrls);
        await using var db = await App.OpenDbAsync();
        var reminder = await db.CdnInvalidations.SingleAsync(c => c.RequestId == result.RequestId);
        Assert.DoesNotContain(reminder.Urls, url => url.Contains("auth_key", StringComparison.Ordinal) || url.Contains('#', StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refusal_quoting_the_signed_request_reaches_people_without_the_AccessKeyId_or_the_string_to_sign()
    {
        var admin = await App.CreateUserAsync(RoleNames.Administrator);
        var video = Library.Add(5, "Archive", "Evening news");
        await RemoteSource.MirrorAsync(App.Services, video.Video);
        Vod.ReplyOnceTo("DeleteVideo", 400, $$"""
            {"RequestId":"SIG-1","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3D{{VodStandIn.AccessKeyId}}%26Action%3DDeleteVideo"}
            """);

        var result = await DeleteAsync(admin.Id, video.Id);

        var message = result.Error?.Message ?? "";
        Assert.Equal(DeletionError.DeleteVideoFailedCode, result.Error?.Code);
        Assert.Contains("SignatureDoesNotMatch", message, StringComparison.Ordinal);
        Assert.Contains("SIG-1", message, StringComparison.Ordinal);
        Assert.DoesNotContain(VodStandIn.AccessKeyId, message, StringComparison.Ordinal);
        Assert.DoesNotContain("string to sign", message, StringComparison.OrdinalIgnoreCase);
        Assert.True(Library.Has(video.Id));
    }

    /// <summary>A video the mirror knows in category <paramref name="from"/>, moved on the remote to <paramref name="to"/> since.</summary>
    private async Task<RemoteVideo> MirroredThenMovedAsync((long Id, string Name) from, (long Id, string Name) to)
    {
        var video = Library.Add(from.Id, from.Name, $"Moved from {from.Name} to {to.Name}");
        await RemoteSource.MirrorAsync(App.Services, video.Video);
        Library.MoveTo(video.Id, to.Id, to.Name);
        return video;
    }

    /// <summary>An Editor granted "News" (7), which the mirror knows from another video, since grants name mirrored categories.</summary>
    private async Task<string> EditorGrantedNewsAsync()
    {
        await RemoteSource.MirrorAsync(App.Services, Library.Add(7, "News", "Already mirrored").Video);
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        await RemoteSource.GrantAsync(App.Services, editor.Id, 7);
        return editor.Id;
    }
}
