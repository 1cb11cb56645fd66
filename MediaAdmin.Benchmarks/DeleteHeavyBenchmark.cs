using System.Diagnostics;
using System.Globalization;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// DeleteVideo of 20 videos of 3,000 files against 20 of 32: the reply times (which must not grow with the
/// files), and for the 3,000-file videos the time until storage is clean against the floor, the same
/// removals handed straight to the storage (<see cref="IMediaStorage.DeleteManyAsync"/>) on an identical set
/// in the same run. Every round ingests fresh videos; only the deletes are timed.
/// </summary>
internal static class DeleteHeavyBenchmark
{
    private const int Videos = 20;

    public static async Task<int> RunAsync(string[] args)
    {
        await using var storage = await BenchmarkStorage.StartAsync(args);
        return storage is null ? 2 : await BenchmarkFolder.RunInAsync("mediaadmin-delete-heavy-", root => RunInAsync(root, storage, Stats.Rounds(args, 3)));
    }

    private static async Task<int> RunInAsync(string root, BenchmarkStorage storage, int rounds)
    {
        await using var service = await BenchmarkHost.StartAsync(Path.Combine(root, "service"), storage.SettingsFor("service"));
        await using var floor = await BenchmarkHost.StartAsync(Path.Combine(root, "floor"), storage.SettingsFor("floor"));
        var serviceAdmin = await service.CreateAdministratorAsync();
        var floorAdmin = await floor.CreateAdministratorAsync();

        var replies = new Dictionary<int, List<double>> { [HeavyAssetDrafts.SmallFiles] = [], [HeavyAssetDrafts.HeavyFiles] = [] };
        var cleans = new List<double>();
        var floors = new List<double>();

        // One unmeasured round of each size first: JIT, query plans and the database's first pages.
        for (var round = -1; round < rounds; round++)
        {
            foreach (var files in new[] { HeavyAssetDrafts.SmallFiles, HeavyAssetDrafts.HeavyFiles })
            {
                var serviceIds = await IngestAsync(service, serviceAdmin, files, round);
                var (replyMs, cleanMs) = await TimeServiceAsync(service, serviceAdmin, serviceIds);
                if (round >= 0)
                {
                    replies[files].Add(replyMs);
                }

                if (files != HeavyAssetDrafts.HeavyFiles)
                {
                    continue;
                }

                var floorIds = await IngestAsync(floor, floorAdmin, files, round);
                var floorMs = await TimeFloorAsync(floor, floorIds);
                if (round >= 0)
                {
                    cleans.Add(cleanMs);
                    floors.Add(floorMs);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}: reply_ms={replyMs:F1} clean_ms={cleanMs:F0} floor_ms={floorMs:F0} (3,000-file videos)"));
            }
        }

        var small = Stats.Median(replies[HeavyAssetDrafts.SmallFiles]);
        var heavy = Stats.Median(replies[HeavyAssetDrafts.HeavyFiles]);
        var clean = Stats.Median(cleans);
        var floorMedian = Stats.Median(floors);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rounds={rounds} reply_median_ms: 32-file={small:F1} 3000-file={heavy:F1}; 3000-file clean_median_ms={clean:F0} floor_median_ms={floorMedian:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"delete-heavy: storage={storage.Name} reply_ratio={heavy / small:F2} clean_ratio={clean / floorMedian:F2}"));
        return 0;
    }

    /// <summary>The reply, and from the same start the moment the worker reports storage clean.</summary>
    private static async Task<(double ReplyMs, double CleanMs)> TimeServiceAsync(BenchmarkHost service, string adminId, List<string> ids)
    {
        var clock = Stopwatch.StartNew();
        var result = await service.Services.GetRequiredService<VideoDeletionService>()
            .DeleteAsync(new DeletionCaller(adminId, DeletionChannel.Cli), string.Join(",", ids));
        var replyMs = clock.Elapsed.TotalMilliseconds;
        if (result.Deleted.Count != Videos)
        {
            throw new InvalidOperationException($"the service did not delete everything: {result.Error?.Code}, {result.Deleted.Count} deleted");
        }

        await StorageClean.WaitAsync(service, result.RequestId);
        var cleanMs = clock.Elapsed.TotalMilliseconds;
        await foreach (var left in service.Services.GetRequiredService<IMediaStorage>().ListAsync("media/"))
        {
            throw new InvalidOperationException($"storage was reported clean but still holds {left}");
        }

        return (replyMs, cleanMs);
    }

    /// <summary>The same removals straight through the storage, with the keys read beforehand (not timed).</summary>
    private static async Task<double> TimeFloorAsync(BenchmarkHost floor, List<string> ids)
    {
        List<StorageKey> keys;
        await using (var db = await floor.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContextAsync())
        {
            keys = (await db.MediaFiles.Where(f => ids.Contains(f.AssetId)).Select(f => f.StorageKey).ToListAsync()).Select(StorageKey.Parse).ToList();
        }

        var storage = floor.Services.GetRequiredService<IMediaStorage>();
        var clock = Stopwatch.StartNew();
        var failures = await storage.DeleteManyAsync(keys);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"the floor could not remove {failures.Count} files");
        }

        // Its rows go untimed, so the next round's floor starts from the same database as this one.
        await using (var db = await floor.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContextAsync())
        {
            await db.MediaAssets.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync();
        }

        return elapsed;
    }

    /// <summary>One video at a time: ingestion checks all of a call's keys in one statement, and 60,000 exceed SQLite's parameters.</summary>
    private static async Task<List<string>> IngestAsync(BenchmarkHost host, string ownerId, int files, int round)
    {
        var ingestion = host.Services.GetRequiredService<AssetIngestion>();
        var ids = new List<string>();
        for (var video = 0; video < Videos; video++)
        {
            ids.Add((await ingestion.IngestAsync(HeavyAssetDrafts.Video(ownerId, $"Round {round} video {video}", files))).Id);
        }

        return ids;
    }
}
