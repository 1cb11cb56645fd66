using MediaAdmin.Core;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Deletion;

/// <summary>The worker empties several deleted assets' prefixes at once (Deletion:RemovalConcurrency): what that may touch, and what it counts.</summary>
public sealed class ConcurrentRemovalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Several_deletions_removed_at_once_never_remove_a_live_assets_file_and_leave_none_of_theirs()
    {
        await using var app = await CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { ["Deletion:RemovalConcurrency"] = "4" });
        var storage = app.Services.GetRequiredService<IMediaStorage>();
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        var live = await app.AddAssetsAsync(admin.Id, 3, streams: 3, snapshots: 2);
        var deleted = await app.AddAssetsAsync(admin.Id, 8, streams: 3, snapshots: 2);

        // A live asset naming a file below a deleted asset's prefix, a file no row names there, and a record planted on a live asset.
        var shared = StorageKey.Parse($"{PendingFileDeletion.PrefixOf(deleted[0].Id)}shared/kept.mp4");
        var stray = StorageKey.Parse($"{PendingFileDeletion.PrefixOf(deleted[1].Id)}stray.tmp");
        await storage.WriteAsync(shared, new MemoryStream([1]));
        await storage.WriteAsync(stray, new MemoryStream([2]));
        await using (var db = await app.OpenDbAsync())
        {
            db.MediaFiles.Add(new MediaFile { AssetId = live[0].Id, Kind = MediaFileKind.Stream, StorageKey = shared.Value, CdnUrl = "https://cdn.example.test/vod/shared", Format = "mp4", SizeBytes = 1 });
            db.PendingFileDeletions.Add(new PendingFileDeletion
            {
                AssetId = live[1].Id, StoragePrefix = PendingFileDeletion.PrefixOf(live[1].Id), RequestId = "planted",
                TotalFiles = live[1].Files.Count, CreatedAtUtc = DateTime.UtcNow, NextAttemptAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var requests = deleted.Chunk(4).Select(part => Task.Run(() =>
            app.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), string.Join(",", part.Select(a => a.Id)))));
        var results = await Task.WhenAll(requests);
        await app.WaitForNoPendingDeletionsAsync(TimeSpan.FromSeconds(60));

        Assert.All(results, r => Assert.Equal(4, r.Deleted.Count));
        Assert.True(await storage.ExistsAsync(shared));
        Assert.False(await storage.ExistsAsync(stray));
        Assert.All(deleted.Skip(1), asset => Assert.Empty(app.StoredKeysAsync(PendingFileDeletion.PrefixOf(asset.Id)).Result));
        Assert.Equal(live.Select(a => a.Id).ToHashSet(), await app.LiveAssetIdsAsync());
        await app.AssertStorageMatchesDatabaseAsync();
    }

    [Fact]
    public async Task A_failed_file_in_one_of_several_assets_removed_at_once_stops_none_of_the_others_and_every_count_is_exact()
    {
        FaultyStorage? storage = null;
        await using var app = await CoreHost.StartAsync(
            _folder.Path,
            services => services.AddSingleton<IMediaStorage>(sp => storage = new FaultyStorage(new LocalDiskMediaStorage(sp.GetRequiredService<MediaAdminPaths>().StorageRoot))),
            new Dictionary<string, string?> { ["Deletion:RemovalConcurrency"] = "3", ["Deletion:RetryBaseDelay"] = "01:00:00", ["Deletion:RetryMaxDelay"] = "01:00:00" });
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        var assets = await app.AddAssetsAsync(admin.Id, 6, streams: 3, snapshots: 2);
        var total = assets.Sum(a => a.Files.Count);
        storage!.FailDeleteNumber = 9;

        var result = await app.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), string.Join(",", assets.Select(a => a.Id)));
        var records = await WaitForRecordsAsync(app, result.RequestId, r => r.Count(p => p.CompletedAtUtc != null) == 5 && r.Count(p => p.Attempts == 1) == 1);

        var failed = records.Single(p => p.CompletedAtUtc == null);
        Assert.All(records.Where(p => p.CompletedAtUtc != null), p => Assert.Equal((p.TotalFiles, 0), (p.RemovedFiles, p.Attempts)));
        Assert.Equal(failed.TotalFiles - 1, failed.RemovedFiles);
        Assert.Single(await app.StoredKeysAsync(PendingFileDeletion.PrefixOf(failed.AssetId)));
        Assert.Equal($"{total - 1:N0} of {total:N0} files removed", (await app.Services.GetRequiredService<FileRemovalProgressService>().GetAsync(result.RequestId)).Text);

        await using (var db = await app.OpenDbAsync())
        {
            await db.PendingFileDeletions.ExecuteUpdateAsync(set => set.SetProperty(p => p.NextAttemptAtUtc, DateTime.UtcNow.AddSeconds(-1)));
        }

        app.Services.GetRequiredService<FileRemovalSignal>().Kick();
        await app.WaitForNoPendingDeletionsAsync(TimeSpan.FromSeconds(60));
        Assert.Empty(await app.StoredKeysAsync());
        await using var check = await app.OpenDbAsync();
        Assert.Equal(0, await check.MediaFiles.CountAsync());
    }

    [Fact]
    public async Task The_worker_empties_as_many_prefixes_at_once_as_RemovalConcurrency_allows()
    {
        GatedStorage? storage = null;
        await using var app = await CoreHost.StartAsync(
            _folder.Path,
            services => services.AddSingleton<IMediaStorage>(sp => storage = new GatedStorage(new LocalDiskMediaStorage(sp.GetRequiredService<MediaAdminPaths>().StorageRoot), callersToWaitFor: 3)),
            new Dictionary<string, string?> { ["Deletion:RemovalConcurrency"] = "3" });
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        var assets = await app.AddAssetsAsync(admin.Id, 5, streams: 2, snapshots: 1);

        await app.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), string.Join(",", assets.Select(a => a.Id)));
        await app.WaitForNoPendingDeletionsAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, storage!.MostCallersAtOnce);
        Assert.Empty(await app.StoredKeysAsync());
    }

    [Theory]
    [InlineData("Deletion:RemovalConcurrency", "0", "Deletion:RemovalConcurrency must be between 1 and 32.")]
    [InlineData("Deletion:RemovalConcurrency", "33", "Deletion:RemovalConcurrency must be between 1 and 32.")]
    [InlineData("Deletion:WorkerBatchSize", "0", "Deletion:WorkerBatchSize must be between 1 and 10000.")]
    [InlineData("Deletion:RetryMaxDelay", "00:00:00.010", "Deletion:RetryMaxDelay is 00:00:00.0100000; it must not be shorter than Deletion:RetryBaseDelay (00:00:00.0500000).")]
    public async Task A_wrong_deletion_setting_stops_start_up_naming_the_setting(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removal_concurrency_defaults_to_four()
    {
        await using var app = await CoreHost.StartAsync(_folder.Path);

        Assert.Equal(4, app.Services.GetRequiredService<IOptions<DeletionOptions>>().Value.RemovalConcurrency);
    }

    private static async Task<List<PendingFileDeletion>> WaitForRecordsAsync(CoreHost app, string requestId, Func<List<PendingFileDeletion>, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await using var db = await app.OpenDbAsync();
            var records = await db.PendingFileDeletions.AsNoTracking().Where(p => p.RequestId == requestId).ToListAsync();
            if (condition(records))
            {
                return records;
            }

            Assert.True(DateTime.UtcNow < deadline, "the worker did not reach the expected records in time");
            await Task.Delay(50);
        }
    }
}
