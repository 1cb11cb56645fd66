using System.Globalization;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Core.Sources.AlibabaVod.Status;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources;

/// <summary>A full sync removes from the mirror only after a listing it can trust, and a page it cannot write fails the run.</summary>
public sealed class FullSyncSafetyTests() : RemoteLibraryTest(remoteItems: 1_050)
{
    [Fact]
    public async Task A_traversal_that_ends_far_short_of_the_remote_total_fails_the_run_and_removes_nothing()
    {
        await using var host = await Remote.StartHostAsync(Folder.Path);
        await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full);
        Remote.Catalog.EndListingAt = 300;

        var run = await SyncAgainAsync(host);

        Assert.Equal(SourceSyncState.Failed, run.State);
        Assert.Contains("of the 1050 items the remote reported; nothing was removed", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, run.Removed);
        Assert.Equal(1_050, (await RemoteLibrary.MirrorAsync(host)).Count);
    }

    [Fact]
    public async Task A_remote_holding_more_than_two_million_items_of_a_type_is_refused_with_the_reason()
    {
        Remote.Catalog.ReportedTotal = 2_000_001;
        await using var host = await Remote.StartHostAsync(Folder.Path);

        var run = await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full);

        Assert.Equal(SourceSyncState.Failed, run.State);
        Assert.Contains("The remote holds 2000001 items of SearchType video; Alibaba's SearchMedia lists at most 2000000", run.Error, StringComparison.Ordinal);
        Assert.Empty(await RemoteLibrary.MirrorAsync(host));
    }

    [Fact]
    public async Task Every_scroll_token_call_carries_the_next_page_number_as_Alibaba_documents()
    {
        await using var host = await Remote.StartHostAsync(Folder.Path);
        await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full);

        var videoPages = Remote.SearchCalls
            .Where(c => c.Parameters.GetValueOrDefault("SearchType") == "video" && c.Parameters.GetValueOrDefault("PageSize") == "100")
            .Select(c => (No: int.Parse(c.Parameters["PageNo"], CultureInfo.InvariantCulture), Token: c.Parameters.ContainsKey("ScrollToken")))
            .ToList();

        Assert.Equal(Enumerable.Range(1, 10).ToList(), videoPages.Select(p => p.No).ToList());
        Assert.Equal([false, .. Enumerable.Repeat(true, 9)], videoPages.Select(p => p.Token).ToList());
    }

    [Fact]
    public async Task A_page_the_database_refuses_fails_the_run_naming_the_page_and_the_error_instead_of_leaving_it_unfinished()
    {
        await using var host = await Remote.StartHostAsync(Folder.Path);
        await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full);
        await using (var db = await host.OpenDbAsync())
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER RefuseRemoteUpdates BEFORE UPDATE ON RemoteAssets BEGIN SELECT RAISE(ABORT, 'the test refuses this page'); END");
        }

        var run = await SyncAgainAsync(host);

        Assert.Equal(SourceSyncState.Failed, run.State);
        Assert.Contains("Page 1 of SearchType video (100 items from", run.Error, StringComparison.Ordinal);
        Assert.Contains("the test refuses this page", run.Error, StringComparison.Ordinal);
        await using (var db = await host.OpenDbAsync())
        {
            Assert.False(await db.SourceSyncRuns.AnyAsync(r => r.Unfinished == true));
        }
    }

    private static async Task<SourceSyncRun> SyncAgainAsync(Support.CoreHost host)
    {
        var admin = await host.CreateUserAsync(RoleNames.Administrator);
        var requested = await host.Services.GetRequiredService<SourceStatusService>().SyncNowAsync(admin.Id);
        Assert.True(requested.IsSuccess, requested.Error);
        return await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full, nth: 2);
    }
}
