using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Deletion.Remote;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Core.Sources.AlibabaVod.Status;
using MediaAdmin.Core.Sources.AlibabaVod.Sync;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources;

/// <summary>A DeleteVideo sent before the process stopped, its outcome never recorded, is recorded by the sync that sees the video gone.</summary>
public sealed class UnrecordedDeletionSyncTests() : RemoteLibraryTest(remoteItems: 40)
{
    private const string NeverMirrored = "ffee0000aaaa4000b000c0ffee000001";

    [Fact]
    public async Task The_full_sync_that_no_longer_lists_a_video_records_the_deletion_sent_before_a_stop_with_its_captured_urls_mirrored_or_not()
    {
        await using var host = await Remote.StartHostAsync(Folder.Path);
        await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full);
        var editor = await host.CreateUserAsync(RoleNames.Editor);
        var admin = await host.CreateUserAsync(RoleNames.Administrator);
        var deleted = Remote.Items[10];
        var stillListed = Remote.Items[11];
        var sentAt = DateTime.UtcNow - host.Services.GetRequiredService<LateRemoteDeletions>().RequestGrace - TimeSpan.FromMinutes(1);
        await using (var db = await host.OpenDbAsync())
        {
            db.PendingRemoteDeletions.AddRange(
                SentBeforeStop("A1B2C3D4-0000-4000-8000-000000000001", deleted.Id, deleted.Title, editor, sentAt),
                SentBeforeStop("A1B2C3D4-0000-4000-8000-000000000002", stillListed.Id, stillListed.Title, editor, sentAt),
                SentBeforeStop("A1B2C3D4-0000-4000-8000-000000000003", NeverMirrored, "Uploaded and deleted by a script", editor, sentAt));
            await db.SaveChangesAsync();
        }

        Remote.Items.Remove(deleted);
        var requested = await host.Services.GetRequiredService<SourceStatusService>().SyncNowAsync(admin.Id);
        Assert.True(requested.IsSuccess, requested.Error);
        var run = await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full, nth: 2);

        Assert.Equal((SourceSyncState.Succeeded, 1), (run.State, run.Removed));
        await using var after = await host.OpenDbAsync();
        var reminders = await after.CdnInvalidations.ToListAsync();
        Assert.Equal([NeverMirrored], reminders.Where(r => r.VideoIds != deleted.Id).Select(r => r.VideoIds));
        var reminder = reminders.Single(r => r.VideoIds == deleted.Id);
        Assert.Equal(UrlsOf(deleted.Id), reminder.Urls);
        Assert.Equal((deleted.Id, editor.UserName), (reminder.VideoIds, reminder.DeletedByName));
        var entry = (await after.DeletionAuditRecords.Include(r => r.Entries).SingleAsync(r => r.RequestId == reminder.RequestId)).Entries.Single();
        Assert.Equal((deleted.Id, DeletionOutcome.Deleted), (entry.VideoId, entry.Outcome));
        Assert.Contains("A1B2C3D4-0000-4000-8000-000000000001", entry.Reason, StringComparison.Ordinal);
        Assert.Equal([stillListed.Id], await after.PendingRemoteDeletions.Select(p => p.VideoId).ToListAsync());
    }

    [Fact]
    public async Task A_deletion_old_enough_to_be_forgotten_is_still_recorded_by_the_first_full_sync_begun_after_it()
    {
        // No incremental sync comes due when the first run is moved a day back: only the full one asked for runs.
        await using var host = await Remote.StartHostAsync(Folder.Path, incrementalInterval: "30.00:00:00");
        var editor = await host.CreateUserAsync(RoleNames.Editor);
        var admin = await host.CreateUserAsync(RoleNames.Administrator);
        await SentADayAgoJustAfterTheFirstFullSyncAsync(host, editor, "A1B2C3D4-0000-4000-8000-000000000004");

        var requested = await host.Services.GetRequiredService<SourceStatusService>().SyncNowAsync(admin.Id);
        Assert.True(requested.IsSuccess, requested.Error);
        var next = await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full, nth: 2);

        Assert.Equal(SourceSyncState.Succeeded, next.State);
        await using var after = await host.OpenDbAsync();
        var reminder = await after.CdnInvalidations.SingleAsync();
        Assert.Equal((NeverMirrored, editor.UserName), (reminder.VideoIds, reminder.DeletedByName));
        Assert.Equal(UrlsOf(NeverMirrored), reminder.Urls);
        var entry = (await after.DeletionAuditRecords.Include(r => r.Entries).SingleAsync(r => r.RequestId == reminder.RequestId)).Entries.Single();
        Assert.Equal((NeverMirrored, DeletionOutcome.Deleted), (entry.VideoId, entry.Outcome));
        Assert.Empty(await after.PendingRemoteDeletions.ToListAsync());
    }

    [Fact]
    public async Task An_incremental_sync_neither_records_nor_forgets_a_deletion_only_a_full_sync_can_decide()
    {
        // With the hourly incremental sync, the first run moved a day back makes one due at once.
        await using var host = await Remote.StartHostAsync(Folder.Path);
        var editor = await host.CreateUserAsync(RoleNames.Editor);
        var admin = await host.CreateUserAsync(RoleNames.Administrator);
        await SentADayAgoJustAfterTheFirstFullSyncAsync(host, editor, "A1B2C3D4-0000-4000-8000-000000000005");

        host.Services.GetRequiredService<SourceSyncSignal>().Wake();
        var incremental = await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Incremental);

        Assert.Equal(SourceSyncState.Succeeded, incremental.State);
        await using (var db = await host.OpenDbAsync())
        {
            Assert.Empty(await db.CdnInvalidations.ToListAsync());
            Assert.Equal([NeverMirrored], await db.PendingRemoteDeletions.Select(p => p.VideoId).ToListAsync());
        }

        var requested = await host.Services.GetRequiredService<SourceStatusService>().SyncNowAsync(admin.Id);
        Assert.True(requested.IsSuccess, requested.Error);
        await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full, nth: 2);

        await using var after = await host.OpenDbAsync();
        Assert.Equal([NeverMirrored], await after.CdnInvalidations.Select(r => r.VideoIds).ToListAsync());
        Assert.Empty(await after.PendingRemoteDeletions.ToListAsync());
    }

    /// <summary>
    /// A deletion of a video the library never showed, sent a day and an hour ago, just after the first full sync began
    /// (moved a day and two hours back): only the next full sync can tell the video is gone, and by the time any sync
    /// ends the row is older than the day unconfirmed rows are kept.
    /// </summary>
    private static async Task SentADayAgoJustAfterTheFirstFullSyncAsync(CoreHost host, Core.Accounts.MediaUser editor, string requestId)
    {
        var first = await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full);
        await using var db = await host.OpenDbAsync();
        db.PendingRemoteDeletions.Add(SentBeforeStop(requestId, NeverMirrored, "Deleted by a script a day ago", editor, DateTime.UtcNow - TimeSpan.FromHours(25)));
        await db.SaveChangesAsync();
        await db.SourceSyncRuns.Where(r => r.Id == first.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.StartedAtUtc, DateTime.UtcNow - TimeSpan.FromHours(26))
            .SetProperty(r => r.FinishedAtUtc, DateTime.UtcNow - TimeSpan.FromHours(26)));
    }

    private static PendingRemoteDeletion SentBeforeStop(string requestId, string videoId, string title, Core.Accounts.MediaUser user, DateTime sentAt) => new()
    {
        RequestId = requestId,
        VideoId = videoId,
        Title = title,
        UserId = user.Id,
        UserName = user.UserName!,
        Channel = DeletionChannel.Api,
        CdnUrls = string.Join("\n", UrlsOf(videoId)),
        SentAtUtc = sentAt,
    };

    private static string[] UrlsOf(string videoId) =>
        [$"https://cdn.example.test/vod/{videoId}/cover.jpg", $"https://vod-cdn.example.test/{videoId}/hd.m3u8"];
}
