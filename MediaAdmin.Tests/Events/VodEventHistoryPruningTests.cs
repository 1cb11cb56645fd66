using MediaAdmin.Core.Data;
using MediaAdmin.Core.Events;
using MediaAdmin.Core.Sources;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Tests.Cdn.UrlAuth;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Events;

/// <summary>The callback and sync history is kept for its retention days and no longer, on a real SQLite file.</summary>
public sealed class VodEventHistoryPruningTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();
    private CoreHost _host = null!;

    // The host's own hourly pruning runs at start-up on the real clock; it would race the pruning these tests run at Now.
    public async Task InitializeAsync() => _host = await CoreHost.StartAsync(_folder.Path, services =>
    {
        foreach (var pruning in services.Where(d => d.ImplementationType == typeof(VodEventHistoryPruning)).ToList())
        {
            services.Remove(pruning);
        }
    });

    [Fact]
    public async Task Sent_and_abandoned_callbacks_older_than_Events_RetentionDays_are_pruned_and_pending_ones_are_kept()
    {
        var sentLongAgo = await AddOutgoingAsync(sentDaysAgo: 31);
        var sentRecently = await AddOutgoingAsync(sentDaysAgo: 29);
        var abandonedLongAgo = await AddOutgoingAsync(abandonedDaysAgo: 31);
        var pendingLongAgo = await AddOutgoingAsync(createdDaysAgo: 40);

        var pruned = await Pruner(LibrarySourceKind.Local).PruneAsync(CancellationToken.None);

        Assert.Equal(new PrunedVodEventHistory(2, 0, 0), pruned);
        await using var db = await _host.OpenDbAsync();
        var left = await db.OutgoingVodEvents.Select(e => e.Id).ToListAsync();
        Assert.Equal([sentRecently, pendingLongAgo], left.Order());
        Assert.DoesNotContain(sentLongAgo, left);
        Assert.DoesNotContain(abandonedLongAgo, left);
    }

    [Fact]
    public async Task Old_received_callbacks_and_sync_runs_are_pruned_but_unfinished_runs_and_the_last_finished_and_succeeded_of_each_kind_stay()
    {
        await using (var db = await _host.OpenDbAsync())
        {
            db.ReceivedVodEvents.AddRange(Received("old", daysAgo: 31), Received("recent", daysAgo: 29));
            db.SourceSyncRuns.AddRange(
                Run(SourceSyncKind.Full, SourceSyncState.Succeeded, daysAgo: 90),
                Run(SourceSyncKind.Full, SourceSyncState.Succeeded, daysAgo: 60),
                Run(SourceSyncKind.Full, SourceSyncState.Failed, daysAgo: 40),
                Run(SourceSyncKind.Incremental, SourceSyncState.Succeeded, daysAgo: 45),
                Run(SourceSyncKind.Incremental, SourceSyncState.Succeeded, daysAgo: 35),
                Run(SourceSyncKind.Incremental, SourceSyncState.Running, daysAgo: 33));
            await db.SaveChangesAsync();
        }

        var pruned = await Pruner(LibrarySourceKind.AlibabaVod).PruneAsync(CancellationToken.None);

        Assert.Equal(new PrunedVodEventHistory(0, 1, 2), pruned);
        await using var after = await _host.OpenDbAsync();
        Assert.Equal(["recent"], await after.ReceivedVodEvents.Select(e => e.EventKey).ToListAsync());
        var runs = await after.SourceSyncRuns.OrderBy(r => r.Id).Select(r => new { r.Kind, r.State, r.StartedAtUtc }).ToListAsync();
        Assert.Equal(
            [(SourceSyncKind.Full, 60), (SourceSyncKind.Full, 40), (SourceSyncKind.Incremental, 35), (SourceSyncKind.Incremental, 33)],
            runs.Select(r => (r.Kind, (int)(Now.UtcDateTime - r.StartedAtUtc).TotalDays)));
    }

    [Fact]
    public async Task With_the_local_source_received_callbacks_and_sync_runs_are_left_alone()
    {
        await using (var db = await _host.OpenDbAsync())
        {
            db.ReceivedVodEvents.Add(Received("kept", daysAgo: 400));
            await db.SaveChangesAsync();
        }

        var pruned = await Pruner(LibrarySourceKind.Local).PruneAsync(CancellationToken.None);

        Assert.Equal(new PrunedVodEventHistory(0, 0, 0), pruned);
    }

    [Fact]
    public async Task A_starting_console_prunes_the_history_that_outlived_its_retention()
    {
        var sentLongAgo = await AddOutgoingAsync(sentDaysAgo: 31, now: DateTimeOffset.UtcNow);
        await _host.DisposeAsync();

        _host = await CoreHost.StartAsync(_folder.Path);

        await Poll.UntilAsync(async () =>
        {
            await using var db = await _host.OpenDbAsync();
            return !await db.OutgoingVodEvents.AnyAsync(e => e.Id == sentLongAgo);
        }, "the restarted console to prune a callback sent 31 days ago");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    private VodEventHistoryPruner Pruner(LibrarySourceKind source) => new(
        _host.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>(),
        Options.Create(new EventsOptions()),
        Options.Create(new AlibabaVodSourceOptions()),
        Options.Create(new LibrarySourceOptions { Source = source }),
        new ManualClock(Now));

    private async Task<long> AddOutgoingAsync(int? sentDaysAgo = null, int? abandonedDaysAgo = null, int createdDaysAgo = 40, DateTimeOffset? now = null)
    {
        var today = (now ?? Now).UtcDateTime;
        await using var db = await _host.OpenDbAsync();
        var row = new OutgoingVodEvent
        {
            EventType = "DeleteMediaComplete",
            VideoId = RemoteVideos.NewId(),
            Body = "{}",
            CreatedAtUtc = today.AddDays(-createdDaysAgo),
            NextAttemptAtUtc = sentDaysAgo is null && abandonedDaysAgo is null ? today.AddDays(1) : today.AddDays(-createdDaysAgo),
            Attempts = 1,
            SentAtUtc = sentDaysAgo is { } sent ? today.AddDays(-sent) : null,
            AbandonedAtUtc = abandonedDaysAgo is { } abandoned ? today.AddDays(-abandoned) : null,
        };
        db.OutgoingVodEvents.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private static ReceivedVodEvent Received(string key, int daysAgo) => new()
    {
        EventKey = key,
        EventType = "FileUploadComplete",
        VideoId = RemoteVideos.NewId(),
        ReceivedAtUtc = Now.UtcDateTime.AddDays(-daysAgo),
        Outcome = "added to the mirror",
    };

    private static SourceSyncRun Run(SourceSyncKind kind, SourceSyncState state, int daysAgo) => new()
    {
        Kind = kind,
        State = state,
        StartedAtUtc = Now.UtcDateTime.AddDays(-daysAgo),
        UpdatedAtUtc = Now.UtcDateTime.AddDays(-daysAgo),
        FinishedAtUtc = state == SourceSyncState.Running ? null : Now.UtcDateTime.AddDays(-daysAgo).AddHours(1),
        Unfinished = state == SourceSyncState.Running ? true : null,
    };
}
