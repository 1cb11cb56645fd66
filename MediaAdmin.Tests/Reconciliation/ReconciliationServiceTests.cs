using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Reconciliation;
using MediaAdmin.Core.Results;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Reconciliation;

/// <summary>Storage against the database: orphans found and, with a fix, removed when old enough; missing files reported and marked.</summary>
public sealed class ReconciliationServiceTests : IAsyncLifetime
{
    private static readonly TimeSpan Old = TimeSpan.FromHours(2);
    private readonly TempFolder _folder = new();
    private CoreHost _app = null!;

    public async Task InitializeAsync() => _app = await CoreHost.StartAsync(_folder.Path, settings: ReconciliationHost.Settings);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_dry_run_finds_a_file_under_a_deleted_assets_prefix_and_a_stray_file_and_removes_nothing()
    {
        var admin = await _app.CreateUserAsync(RoleNames.Administrator);
        var (leftover, stray) = await PlantTwoOrphansAsync(admin.Id);

        var run = await _app.ReconcileAsync(admin.Id, fix: false);

        Assert.Equal((ReconciliationState.Completed, 2L, 0L, 0L, admin.UserName, false), (run.State, run.OrphansFound, run.MissingFound, run.Fixed, run.RunBy, run.Fix));
        var orphans = await _app.FindingsAsync(run.Id, FindingKind.Orphan);
        Assert.Equal([leftover, stray], orphans.Select(f => f.StorageKey));
        Assert.All(orphans, f => Assert.Equal(FindingOutcome.Reported, f.Outcome));
        Assert.Contains(leftover, await _app.StoredKeysAsync());
        Assert.Contains(stray, await _app.StoredKeysAsync());
    }

    [Fact]
    public async Task A_fix_removes_the_old_orphans_keeps_a_fresh_one_and_every_live_file()
    {
        var admin = await _app.CreateUserAsync(RoleNames.Administrator);
        var (leftover, stray) = await PlantTwoOrphansAsync(admin.Id);
        var live = await _app.AddAssetAsync(admin.Id);
        _app.AgeEveryFile(Old);
        var uploading = await _app.PlantAsync($"media/{VideoId.New()}/source/clip.mp4", TimeSpan.FromMinutes(5));

        var run = await _app.ReconcileAsync(admin.Id, fix: true);

        Assert.Equal((ReconciliationState.Completed, 3L, 2L), (run.State, run.OrphansFound, run.Fixed));
        var outcomes = (await _app.FindingsAsync(run.Id, FindingKind.Orphan)).ToDictionary(f => f.StorageKey, f => f.Outcome);
        Assert.Equal(FindingOutcome.Removed, outcomes[leftover]);
        Assert.Equal(FindingOutcome.Removed, outcomes[stray]);
        Assert.Equal(FindingOutcome.TooRecent, outcomes[uploading]);
        var stored = await _app.StoredKeysAsync();
        Assert.DoesNotContain(leftover, stored);
        Assert.DoesNotContain(stray, stored);
        Assert.Contains(uploading, stored);
        Assert.All(live.Files, f => Assert.Contains(f.StorageKey, stored));
    }

    [Fact]
    public async Task Files_of_a_running_ingest_and_under_pending_removals_are_not_touched()
    {
        var admin = await _app.CreateUserAsync(RoleNames.Administrator);
        var transcoding = await _app.AddAssetAsync(admin.Id);
        var gone = VideoId.New();
        var goneByPrefix = VideoId.New();
        await using (var db = await _app.OpenDbAsync())
        {
            db.IngestJobs.Add(new IngestJob { AssetId = transcoding.Id, State = IngestJobState.Running, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow });
            db.PendingFileDeletions.Add(Pending(gone));
            db.PendingFileDeletions.Add(Pending(goneByPrefix));
            await db.SaveChangesAsync();
        }

        string[] kept =
        [
            await _app.PlantAsync($"media/{transcoding.Id}/hls/hd/segment-0001.m4s", Old),
            await _app.PlantAsync($"media/{gone}/source.mp4", Old),
            await _app.PlantAsync($"media/{goneByPrefix}/hls/ld/segment-0001.m4s", Old),
        ];

        var run = await _app.ReconcileAsync(admin.Id, fix: true);

        Assert.Equal((ReconciliationState.Completed, 0L, 0L), (run.State, run.OrphansFound, run.Fixed));
        var stored = await _app.StoredKeysAsync();
        Assert.All(kept, key => Assert.Contains(key, stored));
    }

    [Fact]
    public async Task A_missing_file_is_reported_by_a_dry_run_and_a_fix_marks_its_asset_in_the_library()
    {
        var admin = await _app.CreateUserAsync(RoleNames.Administrator);
        var damaged = await _app.AddAssetAsync(admin.Id);
        var whole = await _app.AddAssetAsync(admin.Id);
        var lost = damaged.Files.First(f => f.Kind == MediaFileKind.Stream).StorageKey;
        File.Delete(Path.Combine(_app.StorageRoot, lost));

        var dry = await _app.ReconcileAsync(admin.Id, fix: false);
        Assert.Equal((1L, 0L), (dry.MissingFound, dry.Fixed));
        Assert.Equal([(lost, damaged.Id)], (await _app.FindingsAsync(dry.Id, FindingKind.Missing)).Select(f => (f.StorageKey, f.AssetId)));
        Assert.Equal(0, await _app.MissingFilesOfAsync(damaged.Id));

        var fix = await _app.ReconcileAsync(admin.Id, fix: true);
        Assert.Equal((1L, 1L), (fix.MissingFound, fix.Fixed));
        Assert.Equal(1, await _app.MissingFilesOfAsync(damaged.Id));
        Assert.Equal(0, await _app.MissingFilesOfAsync(whole.Id));
        var page = await _app.Services.GetRequiredService<LibraryQueryService>().QueryAsync(admin.Id, new LibraryQuery());
        Assert.Equal(1, page.Value.Rows.Single(r => r.Id == damaged.Id).MissingFiles);
    }

    [Fact]
    public async Task Only_one_run_at_a_time_and_a_non_administrator_is_refused_everything()
    {
        var admin = await _app.CreateUserAsync(RoleNames.Administrator);
        var editor = await _app.CreateUserAsync(RoleNames.Editor);
        await using (var db = await _app.OpenDbAsync())
        {
            // Held by another process for the next minute, so this host's worker leaves it alone.
            db.ReconciliationRuns.Add(new ReconciliationRun
            {
                RunBy = "another instance", State = ReconciliationState.Running, Unfinished = true,
                LeasedUntilUtc = DateTime.UtcNow.AddMinutes(1), StartedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        ReconciliationHost.AssertProblem(await _app.Reconciliation().StartAsync(admin.Id, fix: true), ResultStatus.Conflict, "started by another instance");
        ReconciliationHost.AssertProblem(await _app.Reconciliation().StartAsync(editor.Id, fix: false), ResultStatus.Forbidden, "Only administrators");
        ReconciliationHost.AssertProblem(await _app.Reconciliation().GetOverviewAsync(editor.Id), ResultStatus.Forbidden, "Only administrators");
        ReconciliationHost.AssertProblem(await _app.Reconciliation().GetFindingsAsync(editor.Id, 1, FindingKind.Orphan, 0, 20), ResultStatus.Forbidden, "Only administrators");
        ReconciliationHost.AssertProblem(await _app.Reconciliation().GetFindingsAsync(admin.Id, 1, FindingKind.Orphan, -1, 20), ResultStatus.Invalid, "numbered from 0");
        await using var check = await _app.OpenDbAsync();
        Assert.Equal(1, check.ReconciliationRuns.Count());
    }

    private async Task<(string Leftover, string Stray)> PlantTwoOrphansAsync(string adminId)
    {
        var deleted = await _app.AddAssetAsync(adminId);
        var result = await _app.Deletion.DeleteAsync(new DeletionCaller(adminId, DeletionChannel.Console), deleted.Id);
        Assert.Null(result.Error);
        await _app.WaitForNoPendingDeletionsAsync();
        var leftover = await _app.PlantAsync($"media/{deleted.Id}/hls/sd/segment-0007.m4s", Old);
        var stray = await _app.PlantAsync("tmp/stray.bin", Old);
        return (leftover, stray);
    }

    private static PendingFileDeletion Pending(string assetId) => new()
    {
        StoragePrefix = PendingFileDeletion.PrefixOf(assetId), AssetId = assetId, RequestId = Guid.NewGuid().ToString().ToUpperInvariant(),
        CreatedAtUtc = DateTime.UtcNow, NextAttemptAtUtc = DateTime.UtcNow.AddDays(1),
    };
}
