using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Core.Sources.AlibabaVod.Status;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources;

public sealed class FullSyncTests() : RemoteLibraryTest(remoteItems: 1_050)
{
    [Fact]
    public async Task The_first_start_mirrors_every_remote_video_and_audio_with_titles_statuses_categories_and_covers()
    {
        await using var host = await Remote.StartHostAsync(Folder.Path);

        var run = await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full);

        Assert.Equal(SourceSyncState.Succeeded, run.State);
        Assert.Equal((1_050, 1_050, 0, 1_050L), (run.Seen, run.Added, run.Removed, run.RemoteTotal!.Value));
        var mirror = await RemoteLibrary.MirrorAsync(host);
        Assert.Equal(Remote.Items.Count, mirror.Count);
        foreach (var item in Remote.Items)
        {
            var mirrored = mirror[item.Id];
            Assert.Equal((item.Title, item.Status, item.CateId, item.CateName, item.CoverUrl), (mirrored.Title, mirrored.Status, mirrored.CategoryId, mirrored.Category, mirrored.Cover));
        }

        await using var db = await host.OpenDbAsync();
        Assert.Equal(105, await db.MediaAssets.CountAsync(a => a.MediaType == Core.Library.MediaType.Audio));
        Assert.All(Remote.SearchCalls, call => Assert.True(call.SignatureValid));
        Assert.All(Remote.Catalog.Served, page => Assert.Equal(100, page.PageSize));
    }

    [Fact]
    public async Task A_host_stopped_mid_sync_resumes_the_same_run_from_its_last_page_missing_none_and_refetching_only_the_one_in_flight()
    {
        var held = Remote.Catalog.HoldAfter(pages: 4);
        var first = await Remote.StartHostAsync(Folder.Path);
        await held.WaitAsync(TimeSpan.FromSeconds(60));
        await first.DisposeAsync();
        Remote.Catalog.Release();

        await using var second = await Remote.StartHostAsync(Folder.Path);
        var run = await RemoteLibrary.WaitForFinishedAsync(second, SourceSyncKind.Full);

        Assert.Equal(SourceSyncState.Succeeded, run.State);
        Assert.Equal(1_050, (await RemoteLibrary.MirrorAsync(second)).Count);
        await using (var db = await second.OpenDbAsync())
        {
            Assert.Equal(run.Id, Assert.Single(await db.SourceSyncRuns.ToListAsync()).Id);
        }

        var served = Remote.Catalog.Served;
        var expected = ExpectedPages(945, "video").Concat(ExpectedPages(105, "audio")).Order().ToList();
        Assert.Equal(expected, served.Select(p => (p.SearchType, p.Start)).Distinct().Order().ToList());
        var twice = served.GroupBy(p => (p.SearchType, p.Start)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        // Four pages were read before the hold (the first video page, the audio count, two more): the fourth video page was in flight.
        Assert.Equal(ExpectedPages(945, "video").ElementAt(3), Assert.Single(twice));
    }

    [Fact]
    public async Task An_expired_scroll_token_restarts_the_traversal_within_the_same_run()
    {
        var held = Remote.Catalog.HoldAfter(3);
        var first = await Remote.StartHostAsync(Folder.Path);
        await held.WaitAsync(TimeSpan.FromSeconds(60));
        await first.DisposeAsync();
        Remote.Catalog.ExpireTokens();
        Remote.Catalog.Release();

        await using var second = await Remote.StartHostAsync(Folder.Path);
        var run = await RemoteLibrary.WaitForFinishedAsync(second, SourceSyncKind.Full);

        Assert.Equal(SourceSyncState.Succeeded, run.State);
        Assert.Equal((1_050, 0), (run.Seen, run.Removed));
        Assert.Equal(1_050, (await RemoteLibrary.MirrorAsync(second)).Count);
        Assert.Contains(Remote.SearchCalls, call => call.Parameters.GetValueOrDefault("ScrollToken", "").StartsWith("0.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_video_removed_remotely_disappears_from_the_mirror_after_the_next_full_sync()
    {
        await using var host = await Remote.StartHostAsync(Folder.Path);
        await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full);
        var gone = Remote.Items[500];
        Remote.Items.RemoveAt(500);
        var admin = await host.CreateUserAsync(RoleNames.Administrator);

        var requested = await host.Services.GetRequiredService<SourceStatusService>().SyncNowAsync(admin.Id);
        var run = await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full, nth: 2);

        Assert.True(requested.IsSuccess, requested.Error);
        Assert.Equal((SourceSyncState.Succeeded, 1, 0, admin.UserName), (run.State, run.Removed, run.Added, run.RequestedBy));
        var mirror = await RemoteLibrary.MirrorAsync(host);
        Assert.Equal(1_049, mirror.Count);
        Assert.DoesNotContain(gone.Id, mirror.Keys);
    }

    [Fact]
    public async Task A_remote_that_keeps_failing_marks_the_run_failed_with_its_error_and_the_mirror_keeps_what_it_had()
    {
        await using var host = await Remote.StartHostAsync(Folder.Path);
        await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full);
        Remote.Items.RemoveRange(0, 50);
        Remote.Catalog.Failure = (503, "ServiceUnavailable");
        var admin = await host.CreateUserAsync(RoleNames.Administrator);
        var callsBefore = Remote.SearchCalls.Count;

        await host.Services.GetRequiredService<SourceStatusService>().SyncNowAsync(admin.Id);
        var run = await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full, nth: 2);

        Assert.Equal(SourceSyncState.Failed, run.State);
        Assert.Contains("ServiceUnavailable", run.Error, StringComparison.Ordinal);
        Assert.True(Remote.SearchCalls.Count - callsBefore > 1, "the failing page was not retried");
        Assert.Equal(1_050, (await RemoteLibrary.MirrorAsync(host)).Count);
        var overview = await host.Services.GetRequiredService<SourceStatusService>().GetOverviewAsync(admin.Id);
        Assert.Equal(run.Error, overview.Value.LastFull?.Error);
    }

    private static IEnumerable<(string, int)> ExpectedPages(int items, string type)
    {
        // The stand-in's tokens point into its whole list, where every tenth item is audio.
        var starts = new List<(string, int)> { (type, 0) };
        var seen = 0;
        for (var index = 0; index < 1_050; index++)
        {
            if ((index % 10 == 9) == (type == "audio") && ++seen % 100 == 0 && seen < items)
            {
                starts.Add((type, index + 1));
            }
        }

        return starts;
    }
}
