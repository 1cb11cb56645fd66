using System.Diagnostics;
using System.Globalization;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// DeleteVideo of 20 videos of 3,000 files against 20 of 32: the reply times (which must not grow with the
/// files), and for the 3,000-file videos the time until storage is clean against the floor, the same
/// removals handed straight to the storage (<see cref="IMediaStorage.DeleteManyAsync"/>, with the worker's
/// concurrency) on an identical set in the same run. Every round ingests fresh videos; only the deletes are timed.
/// </summary>
internal static class DeleteHeavyBenchmark
{
    private const int Videos = 20;

    public static async Task<int> RunAsync(string[] args)
    {
        if (await HeavyAssetDrafts.HeavyFilesOfAsync(args) is not { } heavyFiles)
        {
            return 2;
        }

        await using var storage = await BenchmarkStorage.StartAsync(args);
        return storage is null ? 2 : await BenchmarkFolder.RunInAsync("mediaadmin-delete-heavy-", root => RunInAsync(root, storage, heavyFiles, Stats.Rounds(args, 3), RemovalConcurrency(args)));
    }

    private static async Task<int> RunInAsync(string root, BenchmarkStorage storage, int heavyFiles, int rounds, string? removalConcurrency)
    {
        await using var service = await BenchmarkHost.StartAsync(Path.Combine(root, "service"), Settings(storage, "service", removalConcurrency));
        await using var floor = await BenchmarkHost.StartAsync(Path.Combine(root, "floor"), Settings(storage, "floor", removalConcurrency));
        var serviceAdmin = await service.CreateAdministratorAsync();
        var floorAdmin = await floor.CreateAdministratorAsync();

        var replies = new Dictionary<int, List<double>> { [HeavyAssetDrafts.SmallFiles] = [], [heavyFiles] = [] };
        var cleans = new List<double>();
        var floors = new List<double>();

        // One unmeasured round of each size first: JIT, query plans and the database's first pages.
        for (var round = -1; round < rounds; round++)
        {
            // Flushed like the 3,000-file sets below, so both replies are timed right after a sync: the same 32-file
            // reply took a median 4.6 ms straight after its ingest and 6.2 ms after a sync, which alone put R at 1.47.
            var smallIds = await IngestAsync(service, serviceAdmin, HeavyAssetDrafts.SmallFiles, round);
            await DiskFlush.FlushAndSettleAsync();
            var (smallReplyMs, _) = await TimeServiceAsync(service, serviceAdmin, smallIds);

            // Both sets are written and flushed to disk before either is timed, and they take turns being written
            // and removed first: removing files the kernel has not yet written back is far cheaper than removing
            // files already on disk, so the set written last would otherwise be removed fastest.
            var floorFirst = round % 2 != 0;
            var ingestClock = Stopwatch.StartNew();
            List<string> serviceIds, floorIds;
            if (floorFirst)
            {
                floorIds = await IngestAsync(floor, floorAdmin, heavyFiles, round);
                serviceIds = await IngestAsync(service, serviceAdmin, heavyFiles, round);
            }
            else
            {
                serviceIds = await IngestAsync(service, serviceAdmin, heavyFiles, round);
                floorIds = await IngestAsync(floor, floorAdmin, heavyFiles, round);
            }

            await DiskFlush.FlushAndSettleAsync();
            var ingestMs = ingestClock.Elapsed.TotalMilliseconds;
            double floorMs;
            (double ReplyMs, double CleanMs) timed;
            if (floorFirst)
            {
                floorMs = await TimeFloorAsync(floor, floorIds);
                timed = await TimeServiceAsync(service, serviceAdmin, serviceIds);
            }
            else
            {
                timed = await TimeServiceAsync(service, serviceAdmin, serviceIds);
                floorMs = await TimeFloorAsync(floor, floorIds);
            }

            var (replyMs, cleanMs) = timed;
            if (round >= 0)
            {
                replies[HeavyAssetDrafts.SmallFiles].Add(smallReplyMs);
                replies[heavyFiles].Add(replyMs);
                cleans.Add(cleanMs);
                floors.Add(floorMs);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: ingest_ms={ingestMs:F0} reply_ms={replyMs:F1} clean_ms={cleanMs:F0} floor_ms={floorMs:F0} ({(floorFirst ? "floor" : "service")} first; {heavyFiles:N0}-file videos)"));
        }

        var small = Stats.Median(replies[HeavyAssetDrafts.SmallFiles]);
        var heavy = Stats.Median(replies[heavyFiles]);
        var clean = Stats.Median(cleans);
        var floorMedian = Stats.Median(floors);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rounds={rounds} removal_concurrency={Concurrency(service)} reply_median_ms: 32-file={small:F1} {heavyFiles}-file={heavy:F1}; {heavyFiles}-file clean_median_ms={clean:F0} floor_median_ms={floorMedian:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"delete-heavy: storage={storage.Name} reply_ratio={heavy / small:F2} clean_ratio={clean / floorMedian:F2}{(heavyFiles == HeavyAssetDrafts.HeavyFiles ? "" : $" files_per_video={heavyFiles}")}"));
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

    /// <summary>
    /// The same removals straight through the storage, with the keys read beforehand (not timed): each video's files
    /// in one call, as many videos at once as the worker empties at once, so the ratio measures the worker, not parallelism.
    /// </summary>
    private static async Task<double> TimeFloorAsync(BenchmarkHost floor, List<string> ids)
    {
        List<StorageKey[]> keysByVideo;
        await using (var db = await floor.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContextAsync())
        {
            var rows = await db.MediaFiles.Where(f => ids.Contains(f.AssetId)).Select(f => new { f.AssetId, f.StorageKey }).ToListAsync();
            keysByVideo = rows.GroupBy(f => f.AssetId).Select(video => video.Select(f => StorageKey.Parse(f.StorageKey)).ToArray()).ToList();
        }

        var storage = floor.Services.GetRequiredService<IMediaStorage>();
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(keysByVideo, new ParallelOptions { MaxDegreeOfParallelism = Concurrency(floor) }, async (keys, token) =>
            Interlocked.Add(ref failures, (await storage.DeleteManyAsync(keys, token)).Count));
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (failures > 0)
        {
            throw new InvalidOperationException($"the floor could not remove {failures} files");
        }

        // Its rows go untimed, so the next round's floor starts from the same database as this one.
        await using (var db = await floor.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContextAsync())
        {
            await db.MediaAssets.Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync();
        }

        return elapsed;
    }

    /// <summary><c>--removal-concurrency N</c> overrides <c>Deletion:RemovalConcurrency</c> for the service and the floor alike.</summary>
    private static string? RemovalConcurrency(string[] args)
    {
        var at = Array.IndexOf(args, "--removal-concurrency");
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static Dictionary<string, string?> Settings(BenchmarkStorage storage, string host, string? removalConcurrency)
    {
        var settings = new Dictionary<string, string?>(storage.SettingsFor(host));
        if (removalConcurrency is not null)
        {
            settings[$"{DeletionOptions.Section}:{nameof(DeletionOptions.RemovalConcurrency)}"] = removalConcurrency;
        }

        return settings;
    }

    private static int Concurrency(BenchmarkHost host) => host.Services.GetRequiredService<IOptions<DeletionOptions>>().Value.RemovalConcurrency;

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
