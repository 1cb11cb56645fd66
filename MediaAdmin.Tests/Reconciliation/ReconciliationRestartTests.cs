using MediaAdmin.Core;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Reconciliation;
using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Reconciliation;

/// <summary>A run is durable: stopping the host mid-run leaves its progress in the database and the next start carries on from there.</summary>
public sealed class ReconciliationRestartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_run_cut_off_by_a_stop_carries_on_after_the_restart_from_where_it_stood_and_finds_each_orphan_once()
    {
        string adminId;
        long runId;
        string[] orphans;
        PausingStorage? pausing = null;
        await using (var first = await CoreHost.StartAsync(_folder.Path, services => services.AddSingleton<IMediaStorage>(sp =>
            pausing = new PausingStorage(new LocalDiskMediaStorage(sp.GetRequiredService<MediaAdminPaths>().StorageRoot), pauseAfter: 5)), ReconciliationHost.Settings))
        {
            adminId = (await first.CreateUserAsync(RoleNames.Administrator)).Id;
            await first.AddAssetsAsync(adminId, 2);
            orphans = [await first.PlantAsync("aaa/stray-1.bin", TimeSpan.FromHours(2)), await first.PlantAsync("zzz/stray-2.bin", TimeSpan.FromHours(2))];

            var started = await first.Reconciliation().StartAsync(adminId, fix: false);
            Assert.True(started.IsSuccess, started.Error);
            runId = started.Value.Id;
            await pausing!.Paused.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await WaitForKeysScannedAsync(first, runId, 4);
        }

        await using var second = await CoreHost.StartAsync(_folder.Path, settings: ReconciliationHost.Settings);
        var run = await second.WaitForRunAsync(runId);

        var total = (await second.StoredKeysAsync()).Count;
        Assert.Equal((ReconciliationState.Completed, (long)total, 2L), (run.State, run.KeysScanned, run.OrphansFound));
        Assert.Equal(orphans, (await second.FindingsAsync(runId, FindingKind.Orphan)).Select(f => f.StorageKey));
        Assert.Single((await second.Reconciliation().GetOverviewAsync(adminId)).Value.Recent);
    }

    [Fact]
    public async Task A_run_whose_storage_fails_ends_as_failed_with_the_reason_and_the_next_run_may_start()
    {
        await using var app = await CoreHost.StartAsync(_folder.Path, services => services.AddSingleton<IMediaStorage>(sp =>
            new PausingStorage(new LocalDiskMediaStorage(sp.GetRequiredService<MediaAdminPaths>().StorageRoot), pauseAfter: 3, fail: true)), ReconciliationHost.Settings);
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        await app.AddAssetsAsync(admin.Id, 1);

        var failed = await app.ReconcileAsync(admin.Id, fix: true);

        Assert.Equal((ReconciliationState.Failed, "simulated storage failure while listing", 2L), (failed.State, failed.Error, failed.KeysScanned));
        Assert.Equal(5, Directory.EnumerateFiles(app.StorageRoot, "*", SearchOption.AllDirectories).Count());
        var next = await app.Reconciliation().StartAsync(admin.Id, fix: false);
        Assert.True(next.IsSuccess, next.Error);
    }

    /// <summary>The pause comes after two pages of two keys; both are saved before the listing reaches it.</summary>
    private static async Task WaitForKeysScannedAsync(CoreHost app, long runId, long keys)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await using var db = await app.OpenDbAsync();
            var run = await db.ReconciliationRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            if (run.KeysScanned >= keys)
            {
                Assert.Equal(ReconciliationState.Running, run.State);
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the run did not save its first pages in time");
            await Task.Delay(50);
        }
    }

    public void Dispose() => _folder.Dispose();
}
