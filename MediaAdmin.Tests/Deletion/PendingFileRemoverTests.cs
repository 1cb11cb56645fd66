using MediaAdmin.Core;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Deletion;

/// <summary>The background removal by asset prefix: what it may touch, and the progress it reports on the way.</summary>
public sealed class PendingFileRemoverTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Removing_a_prefix_never_touches_a_sibling_prefix_that_starts_the_same()
    {
        await using var app = await CoreHost.StartAsync(_folder.Path);
        var storage = app.Services.GetRequiredService<IMediaStorage>();
        var pending = app.Services.GetRequiredService<PendingRemovals>();
        var id = VideoId.New();
        string[] removed = [$"media/{id}/source.mp4", $"media/{id}/hls/hd/seg00001.m4s"];
        string[] kept = [$"media/{id}x/keep.mp4", $"media/{id}0/keep.mp4", $"media/{id[..^1]}/keep.mp4", $"media/{id}.mp4"];
        foreach (var key in removed.Concat(kept))
        {
            await storage.WriteAsync(StorageKey.Parse(key), new MemoryStream([1, 2, 3]));
        }

        await using (var db = await app.OpenDbAsync())
        {
            db.PendingFileDeletions.Add(new PendingFileDeletion
            {
                AssetId = id, StoragePrefix = PendingFileDeletion.PrefixOf(id), RequestId = "R-sibling", TotalFiles = 2, NextAttemptAtUtc = DateTime.UtcNow.AddHours(1),
            });
            await db.SaveChangesAsync();
        }

        Assert.True(await pending.IsPendingAsync(removed[1]));
        Assert.True(await pending.IsPendingAsync("media/"));
        Assert.All(kept, key => Assert.False(pending.IsPendingAsync(key).Result, key));
        Assert.False(await pending.IsPendingAsync($"media/{id}x/"));

        await MakeDueAsync(app);
        await app.WaitForNoPendingDeletionsAsync();

        Assert.Equal(kept.Order(StringComparer.Ordinal), (await app.StoredKeysAsync()).Order(StringComparer.Ordinal));
        Assert.False(await pending.IsPendingAsync(removed[0]));
    }

    [Theory]
    [InlineData(4, 3, 2, 7)]
    [InlineData(2, 2990, 9, 4321)]
    public async Task Progress_counts_the_files_removed_of_those_committed_until_storage_is_clean(int assetCount, int streams, int snapshots, int failing)
    {
        FaultyStorage? storage = null;
        await using var app = await CoreHost.StartAsync(
            _folder.Path,
            services => services.AddSingleton<IMediaStorage>(sp => storage = new FaultyStorage(new LocalDiskMediaStorage(sp.GetRequiredService<MediaAdminPaths>().StorageRoot))),
            new Dictionary<string, string?> { ["Deletion:RetryBaseDelay"] = "01:00:00", ["Deletion:RetryMaxDelay"] = "01:00:00" });
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        var assets = await app.AddAssetsAsync(admin.Id, assetCount, streams, snapshots);
        var total = assetCount * (1 + streams + snapshots);
        var progress = app.Services.GetRequiredService<FileRemovalProgressService>();
        storage!.Down = true;

        var result = await app.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), string.Join(",", assets.Select(a => a.Id)));

        Assert.Equal(total, result.Deleted.Sum(d => d.FileCount));
        await WaitUntilEveryOpenRemovalFailedAsync(app, times: 1);
        var waiting = await WaitForAsync(progress, result.RequestId, $"0 of {total:N0} files removed");
        Assert.StartsWith("simulated storage failure on delete", waiting.RetryReason, StringComparison.Ordinal);
        Assert.Equal(total, (await app.StoredKeysAsync()).Count);

        storage.Down = false;
        storage.FailDeleteNumber = storage.DeleteCalls + failing;
        await MakeDueAsync(app);
        var oneLeft = await WaitForAsync(progress, result.RequestId, $"{total - 1:N0} of {total:N0} files removed");
        Assert.Equal((total, total - 1, false), (oneLeft.TotalFiles, oneLeft.RemovedFiles, oneLeft.IsClean));
        Assert.Single(await app.StoredKeysAsync());

        // The count moves while the worker removes; its failure (and back-off) is written after, and must not land on top of MakeDue.
        await WaitUntilEveryOpenRemovalFailedAsync(app, times: 2);
        await MakeDueAsync(app);
        Assert.True((await WaitForAsync(progress, result.RequestId, "Storage clean")).IsClean);
        Assert.Empty(await app.StoredKeysAsync());
    }

    [Fact]
    public async Task Progress_of_several_requests_is_read_at_once_and_a_request_with_nothing_pending_is_clean()
    {
        await using var app = await CoreHost.StartAsync(_folder.Path);
        await using (var db = await app.OpenDbAsync())
        {
            db.PendingFileDeletions.AddRange(
                Pending("R1", 3_000, 1_000, done: true),
                Pending("R1", 3_000, 840, done: false),
                Pending("R2", 32, 40, done: false));
            await db.SaveChangesAsync();
        }

        var progress = await app.Services.GetRequiredService<FileRemovalProgressService>().GetManyAsync(["R1", "R2", "R3"]);

        Assert.Equal("3,840 of 6,000 files removed", progress["R1"].Text);
        Assert.Equal("32 of 32 files removed", progress["R2"].Text);
        Assert.Equal("Storage clean", progress["R3"].Text);
    }

    private static PendingFileDeletion Pending(string requestId, int total, int removed, bool done)
    {
        var id = VideoId.New();
        return new PendingFileDeletion
        {
            AssetId = id, StoragePrefix = PendingFileDeletion.PrefixOf(id), RequestId = requestId, TotalFiles = total, RemovedFiles = removed,
            CompletedAtUtc = done ? DateTime.UtcNow : null, NextAttemptAtUtc = DateTime.UtcNow.AddHours(1),
        };
    }

    private static async Task WaitUntilEveryOpenRemovalFailedAsync(CoreHost app, int times)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            await using var db = await app.OpenDbAsync();
            var open = await db.PendingFileDeletions.Where(p => p.CompletedAtUtc == null).Select(p => p.Attempts).ToListAsync();
            if (open.Count > 0 && open.All(attempts => attempts >= times))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the worker did not fail every open removal {times} time(s) in time");
            await Task.Delay(50);
        }
    }

    /// <summary>Makes every pending removal due and wakes the worker, as the end of a back-off would.</summary>
    private static async Task MakeDueAsync(CoreHost app)
    {
        await using (var db = await app.OpenDbAsync())
        {
            var now = DateTime.UtcNow.AddSeconds(-1);
            await db.PendingFileDeletions.ExecuteUpdateAsync(set => set.SetProperty(p => p.NextAttemptAtUtc, now));
        }

        app.Services.GetRequiredService<FileRemovalSignal>().Kick();
    }

    private static async Task<FileRemovalProgress> WaitForAsync(FileRemovalProgressService progress, string requestId, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var current = await progress.GetAsync(requestId);
            if (current.Text == text)
            {
                return current;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the progress stayed at \"{current.Text}\" instead of \"{text}\"");
            await Task.Delay(50);
        }
    }
}
