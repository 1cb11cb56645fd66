using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn.Purge;

/// <summary>
/// The purge's per-file URLs come from the listing the file removal keeps before it removes anything: the purge
/// waits for that listing, and a removal that fails after it still leaves every file's URL to purge.
/// </summary>
public sealed class CdnPurgeKeptListingTests
{
    private static readonly Dictionary<string, string?> QuickRemoval = new()
    {
        ["Cdn:Purge:Automatic"] = "true",
        ["Deletion:WorkerPollInterval"] = "00:00:00.100",
        ["Deletion:RetryBaseDelay"] = "00:00:00.200",
        ["Deletion:RetryMaxDelay"] = "00:00:00.500",
    };

    [Fact]
    public async Task A_purge_waits_while_the_removal_cannot_list_the_files_then_purges_every_segment_once_it_can()
    {
        FaultyStorage? storage = null;
        await using var host = await PurgeHost.StartAsync(QuickRemoval, services: s => FaultyStorage.Wrap(s, faulty => (storage = faulty).ListingDown = true));
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);

        var requestId = await host.DeleteHlsAssetAsync(editor.Id);

        var waiting = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.WaitReason is not null);
        Assert.Equal(
            (CdnPurgeState.Pending, "Waiting for the file removal to list the files of 1 deleted asset"),
            (waiting.Summary.State, waiting.Summary.WaitReason));
        Assert.Empty(host.Edge.Purges);

        storage!.ListingDown = false;
        var verified = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);

        Assert.Equal((CdnPurgeState.Verified, (string?)null), (verified.Summary.State, verified.Summary.WaitReason));
        var files = verified.Urls.Where(u => !u.IsFolder).Select(u => new Uri(u.Url).AbsolutePath).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4 + PurgeFixtures.SegmentCount, files.Count);
        Assert.Equal(files, host.Edge.Purges.Select(p => p.Path).Order(StringComparer.Ordinal));
        await host.App.WaitForNoPendingDeletionsAsync();
        Assert.Empty(await host.App.StoredKeysAsync($"media/{verified.Urls[0].VideoId}/"));
    }

    [Fact]
    public async Task A_removal_that_fails_after_listing_still_lets_the_purge_send_every_file_while_the_files_wait_for_a_retry()
    {
        FaultyStorage? storage = null;
        await using var host = await PurgeHost.StartAsync(QuickRemoval, services: s => FaultyStorage.Wrap(s, faulty => (storage = faulty).Down = true));
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);

        var requestId = await host.DeleteHlsAssetAsync(editor.Id);
        var verified = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);

        Assert.Equal(CdnPurgeState.Verified, verified.Summary.State);
        Assert.Contains(verified.Urls, u => u.Url.EndsWith("/hls/sd/seg-005.m4s", StringComparison.Ordinal));
        Assert.Equal(4 + PurgeFixtures.SegmentCount, host.Edge.Purges.Count);
        var prefix = $"media/{verified.Urls[0].VideoId}/";
        Assert.Equal(4 + PurgeFixtures.SegmentCount, (await host.App.StoredKeysAsync(prefix)).Count);

        storage!.Down = false;
        await host.App.WaitForNoPendingDeletionsAsync();
        Assert.Empty(await host.App.StoredKeysAsync(prefix));
    }

    [Fact]
    public async Task A_removal_cut_off_part_way_keeps_its_first_listing_so_a_later_purge_still_sends_every_file()
    {
        var settings = new Dictionary<string, string?>(QuickRemoval) { ["Cdn:Purge:Automatic"] = "false" };
        await using var host = await PurgeHost.StartAsync(settings, services: s => FaultyStorage.Wrap(s, faulty => faulty.FailDeleteNumber = 3));
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);
        var requestId = await host.DeleteHlsAssetAsync(editor.Id);

        // The first attempt removes all but one file; the retry lists and removes that one.
        await host.App.WaitForNoPendingDeletionsAsync();
        await host.Purges.RefreshNowAsync(editor.Id, [requestId]);
        var verified = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);

        Assert.Equal(CdnPurgeState.Verified, verified.Summary.State);
        Assert.Equal(4 + PurgeFixtures.SegmentCount, verified.Urls.Count(u => !u.IsFolder));
        Assert.Equal(4 + PurgeFixtures.SegmentCount, host.Edge.Purges.Count);
    }

    [Fact]
    public async Task Once_the_listing_wait_is_over_the_purge_goes_on_with_the_files_the_reminder_lists()
    {
        var settings = new Dictionary<string, string?>(QuickRemoval) { ["Cdn:Purge:ListingWait"] = "00:00:01" };
        await using var host = await PurgeHost.StartAsync(settings, services: s => FaultyStorage.Wrap(s, faulty => faulty.ListingDown = true));
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);

        var requestId = await host.DeleteHlsAssetAsync(editor.Id);
        var verified = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);

        Assert.Equal((CdnPurgeState.Verified, (string?)null), (verified.Summary.State, verified.Summary.WaitReason));
        Assert.Equal(
            ["hls/sd/index.m3u8", "snapshots/00.png", "source.mp4", "streams/sd.mp4"],
            host.Edge.Purges.Select(p => p.Path.Split('/', 5)[4]).Order(StringComparer.Ordinal));
        Assert.Equal(1, await host.App.PendingFileDeletionCountAsync());
    }

    [Fact]
    public async Task Marking_a_waiting_purge_done_clears_its_wait_and_its_removal_keeps_no_listing_afterwards()
    {
        FaultyStorage? storage = null;
        await using var host = await PurgeHost.StartAsync(QuickRemoval, services: s => FaultyStorage.Wrap(s, faulty => (storage = faulty).ListingDown = true));
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);
        var requestId = await host.DeleteHlsAssetAsync(editor.Id);
        await host.WaitForAsync(editor.Id, requestId, d => d.Summary.WaitReason is not null);

        Assert.True((await host.Purges.MarkDoneAsync(editor.Id, requestId, "Purged the whole folder by hand")).IsSuccess);
        storage!.ListingDown = false;
        await host.App.WaitForNoPendingDeletionsAsync();

        var closed = (await host.Queries.DetailAsync(editor.Id, requestId)).Value.Summary;
        Assert.Equal((false, (string?)null, "Purged the whole folder by hand"), (closed.IsOpen, closed.WaitReason, closed.DoneReason));
        Assert.Empty(host.Edge.Purges);
        await using var db = await host.App.OpenDbAsync();
        Assert.Equal(0, await db.Set<CdnPurgeAssetKeys>().CountAsync());
    }

    [Fact]
    public async Task A_database_failure_while_keeping_the_listing_removes_nothing_shows_why_and_is_retried_until_storage_is_clean()
    {
        var database = new FailingCommandInterceptor { FailWhenSqlContains = "INSERT INTO \"CdnPurgeAssetKeys\"" };
        var settings = new Dictionary<string, string?>(QuickRemoval) { ["Cdn:Purge:Automatic"] = "false" };
        await using var host = await PurgeHost.StartAsync(settings, services: s => s.ConfigureDbContext<SqliteMediaDbContext>(o => o.AddInterceptors(database)));
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);
        var requestId = await host.DeleteHlsAssetAsync(editor.Id);
        var progress = host.App.Services.GetRequiredService<FileRemovalProgressService>();

        var waiting = await Polling.UntilAsync(() => progress.GetAsync(requestId), p => p.RetryReason is not null);

        Assert.Equal($"0 of {4 + PurgeFixtures.SegmentCount} files removed", waiting.Text);
        Assert.StartsWith("The database could not record the removal: ", waiting.RetryReason, StringComparison.Ordinal);
        Assert.Contains("simulated database failure (disk I/O error)", waiting.RetryReason, StringComparison.Ordinal);
        Assert.Equal(4 + PurgeFixtures.SegmentCount, (await host.App.StoredKeysAsync("media/")).Count);

        database.FailWhenSqlContains = null;
        await host.App.WaitForNoPendingDeletionsAsync();

        Assert.Equal("Storage clean", (await progress.GetAsync(requestId)).Text);
        Assert.Empty(await host.App.StoredKeysAsync("media/"));
        var urls = (await host.Queries.DetailAsync(editor.Id, requestId)).Value.Urls;
        Assert.Equal(4 + PurgeFixtures.SegmentCount, urls.Count(u => !u.IsFolder));
    }
}
