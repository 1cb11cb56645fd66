using MediaAdmin.Core.Data;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Core.Sources.AlibabaVod.Status;
using MediaAdmin.Core.Sources.AlibabaVod.Sync;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources.Pair;

/// <summary>Drives the gateway's sync worker the way an administrator and its schedule do, and waits for the runs it starts.</summary>
public static class GatewaySync
{
    /// <summary>A full sync of 20,000 videos at 50 requests a second takes seconds; the deadline only stops a hung test.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    /// <summary>The first full sync, which the worker starts on its own when the mirror was never synced.</summary>
    public static async Task<SourceSyncRun> FirstFullSyncAsync(ConsoleServer gateway)
    {
        SourceSyncRun? run = null;
        await Poll.UntilAsync(
            async () =>
            {
                await using var db = await DbAsync(gateway);
                run = await db.SourceSyncRuns.AsNoTracking().Where(r => r.Kind == SourceSyncKind.Full).OrderBy(r => r.Id).FirstOrDefaultAsync();
                return run is { Unfinished: null };
            },
            Deadline,
            "the gateway's first full sync");
        return Succeeded(run!);
    }

    /// <summary>"Sync now" on the Source page, as <paramref name="administratorId"/>; answers the finished run.</summary>
    public static async Task<SourceSyncRun> SyncNowAsync(ConsoleServer gateway, string administratorId)
    {
        var requested = await gateway.Services.GetRequiredService<SourceStatusService>().SyncNowAsync(administratorId);
        Assert.True(requested.IsSuccess, requested.IsSuccess ? null : requested.Problem.Message);
        return Succeeded(await FinishedAsync(gateway, requested.Value.Id));
    }

    /// <summary>
    /// The incremental sync the schedule starts every <c>AlibabaVod:IncrementalSyncInterval</c>, asked for now: a run
    /// nobody holds, for videos modified since <paramref name="modifiedSinceUtc"/>, which the woken worker takes at once.
    /// </summary>
    public static async Task<SourceSyncRun> SyncIncrementalAsync(ConsoleServer gateway, DateTime modifiedSinceUtc)
    {
        var run = new SourceSyncRun
        {
            Kind = SourceSyncKind.Incremental,
            State = SourceSyncState.Running,
            StartedAtUtc = DateTime.UtcNow,
            UpdatedAtUtc = DateTime.UnixEpoch,
            ModifiedSinceUtc = modifiedSinceUtc,
            Unfinished = true,
        };
        await using (var db = await DbAsync(gateway))
        {
            db.SourceSyncRuns.Add(run);
            await db.SaveChangesAsync();
        }

        gateway.Services.GetRequiredService<SourceSyncSignal>().Wake();
        return Succeeded(await FinishedAsync(gateway, run.Id));
    }

    /// <summary>How many sync runs the gateway has started so far.</summary>
    public static async Task<int> RunCountAsync(ConsoleServer gateway)
    {
        await using var db = await DbAsync(gateway);
        return await db.SourceSyncRuns.CountAsync();
    }

    private static async Task<SourceSyncRun> FinishedAsync(ConsoleServer gateway, long runId)
    {
        SourceSyncRun? run = null;
        await Poll.UntilAsync(
            async () =>
            {
                await using var db = await DbAsync(gateway);
                run = await db.SourceSyncRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
                return run.Unfinished is null;
            },
            Deadline,
            $"sync run {runId} to finish");
        return run!;
    }

    private static SourceSyncRun Succeeded(SourceSyncRun run)
    {
        Assert.True(run.State == SourceSyncState.Succeeded, $"{run.Kind} sync run {run.Id} ended {run.State}: {run.Error}");
        return run;
    }

    private static Task<MediaDbContext> DbAsync(ConsoleServer server) =>
        server.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContextAsync();
}
