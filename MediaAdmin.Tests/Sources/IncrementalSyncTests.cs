using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Core.Sources.AlibabaVod.Sync;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Sources;

public sealed class IncrementalSyncTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly RemoteLibrary _remote = RemoteLibrary.Generated(230);

    public void Dispose()
    {
        _remote.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task An_incremental_sync_picks_up_a_title_changed_remotely_and_asks_only_for_what_changed_since_the_last_sync()
    {
        await using var host = await _remote.StartHostAsync(_folder.Path, incrementalInterval: "00:00:01");
        var full = await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Full);
        var changed = _remote.Items[42] with { Title = "Renamed on the remote", ModifiedUtc = DateTime.UtcNow };
        _remote.Items[42] = changed;

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await RemoteLibrary.MirrorAsync(host))[changed.Id].Title != changed.Title)
        {
            Assert.True(DateTime.UtcNow < deadline, "the changed title never reached the mirror");
            await Task.Delay(100);
        }

        var incremental = await RemoteLibrary.WaitForFinishedAsync(host, SourceSyncKind.Incremental);
        Assert.Equal(SourceSyncState.Succeeded, incremental.State);
        Assert.Equal(full.StartedAtUtc - SourceSyncTiming.IncrementalOverlap, incremental.ModifiedSinceUtc);
        var asked = _remote.SearchCalls.Where(c => c.Parameters.ContainsKey("Match")).ToList();
        Assert.NotEmpty(asked);
        Assert.All(asked, call => Assert.Equal("ModificationTime:Asc", call.Parameters["SortBy"]));
        Assert.Contains(asked, call => call.Parameters["Match"] == SourceSyncRunner.ModifiedSince(full.StartedAtUtc - SourceSyncTiming.IncrementalOverlap));
        Assert.Equal(230, (await RemoteLibrary.MirrorAsync(host)).Count);
    }
}
