using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Core.Sources.AlibabaVod.Sync;
using MediaAdmin.Tests.Cdn.UrlAuth;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources;

/// <summary>The schedule on a clock the test moves, in a host without the sync worker (the local library).</summary>
public sealed class SourceSyncScheduleTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private CoreHost _app = null!;

    private SourceSyncSchedule Schedule => _app.Services.GetRequiredService<SourceSyncSchedule>();

    public async Task InitializeAsync() => _app = await CoreHost.StartAsync(_folder.Path, services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_run_whose_instance_stopped_writing_is_taken_over_once_it_is_stale_and_by_one_taker_only()
    {
        var runId = await Schedule.StartDueAsync(CancellationToken.None);
        Assert.NotNull(runId);

        Assert.Null(await Schedule.ClaimAsync(CancellationToken.None));
        _clock.Advance(SourceSyncTiming.StaleAfter);
        var taken = await Schedule.ClaimAsync(CancellationToken.None);
        var again = await Schedule.ClaimAsync(CancellationToken.None);

        Assert.Equal(runId, taken);
        Assert.Null(again);
    }

    [Fact]
    public async Task The_first_sync_is_full_and_no_second_starts_while_it_is_unfinished()
    {
        var first = await Schedule.StartDueAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(2));

        var second = await Schedule.StartDueAsync(CancellationToken.None);

        Assert.Null(second);
        await using var db = await _app.OpenDbAsync();
        var run = await db.SourceSyncRuns.FindAsync(first);
        Assert.Equal((SourceSyncKind.Full, SourceSyncState.Running, true), (run!.Kind, run.State, run.Unfinished));
    }

    [Fact]
    public async Task After_a_successful_full_sync_an_incremental_one_is_due_after_its_interval_asking_from_just_before_the_full_one_started()
    {
        var full = await Schedule.StartDueAsync(CancellationToken.None);
        var started = _clock.GetUtcNow().UtcDateTime;
        await using (var db = await _app.OpenDbAsync())
        {
            var run = (await db.SourceSyncRuns.FindAsync(full))!;
            (run.State, run.Unfinished, run.FinishedAtUtc) = (SourceSyncState.Succeeded, null, started);
            await db.SaveChangesAsync();
        }

        var tooEarly = await Schedule.StartDueAsync(CancellationToken.None);
        _clock.Advance(new AlibabaVodSourceOptions().IncrementalSyncInterval);
        var due = await Schedule.StartDueAsync(CancellationToken.None);

        Assert.Null(tooEarly);
        await using var check = await _app.OpenDbAsync();
        var incremental = (await check.SourceSyncRuns.FindAsync(due))!;
        Assert.Equal((SourceSyncKind.Incremental, started - SourceSyncTiming.IncrementalOverlap), (incremental.Kind, incremental.ModifiedSinceUtc));
    }
}
