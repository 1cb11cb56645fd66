using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Core.Sources.AlibabaVod.Sync;

namespace MediaAdmin.Tests.Sources;

public sealed class IncrementalSyncTests() : RemoteLibraryTest(remoteItems: 230)
{
    [Fact]
    public async Task An_incremental_sync_picks_up_a_title_changed_remotely_and_asks_only_for_what_changed_since_the_last_sync()
    {
        await using var host = await Remote.StartHostAsync(Folder.Path, incrementalInterval: "00:00:01");
        var full = await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full);
        var changed = Remote.Items[42] with { Title = "Renamed on the remote", ModifiedUtc = DateTime.UtcNow };
        Remote.Items[42] = changed;

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await RemoteLibrary.MirrorAsync(host))[changed.Id].Title != changed.Title)
        {
            Assert.True(DateTime.UtcNow < deadline, "the changed title never reached the mirror");
            await Task.Delay(100);
        }

        var incremental = await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Incremental);
        Assert.Equal(SourceSyncState.Succeeded, incremental.State);
        Assert.Equal(full.StartedAtUtc - SourceSyncTiming.IncrementalOverlap, incremental.ModifiedSinceUtc);
        var asked = Remote.SearchCalls.Where(c => c.Parameters.ContainsKey("Match")).ToList();
        Assert.NotEmpty(asked);
        Assert.All(asked, call => Assert.Equal("ModificationTime:Asc", call.Parameters["SortBy"]));
        Assert.Contains(asked, call => call.Parameters["Match"] == SourceSyncRunner.ModifiedSince(full.StartedAtUtc - SourceSyncTiming.IncrementalOverlap));
        Assert.Equal(230, (await RemoteLibrary.MirrorAsync(host)).Count);
    }
}
