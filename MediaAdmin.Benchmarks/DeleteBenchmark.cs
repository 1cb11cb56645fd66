using System.Diagnostics;
using System.Globalization;
using MediaAdmin.Core;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// DeleteVideo of 20 videos x 32 files through the service, until its files are gone, against the floor for the same work:
/// the same 640 files removed with File.Delete and the same rows with one plain SQL DELETE, on an
/// identical database. Each round gets freshly ingested data; only the delete itself is timed.
/// </summary>
internal static class DeleteBenchmark
{
    private const int Videos = 20;
    private const int Streams = 6;
    private const int Snapshots = 25;
    private const int Warmup = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = Stats.Rounds(args, 40);
        var root = Path.Combine(Path.GetTempPath(), "mediaadmin-bench-" + Guid.NewGuid().ToString("N"));
        using var listed = BenchmarkLeftovers.Folder(root);
        try
        {
            await using var service = await BenchmarkHost.StartAsync(Path.Combine(root, "service"));
            await using var floor = await BenchmarkHost.StartAsync(Path.Combine(root, "floor"));
            var serviceAdmin = await service.CreateAdministratorAsync();
            var floorAdmin = await floor.CreateAdministratorAsync();

            var serviceTimes = new List<double>();
            var floorTimes = new List<double>();
            for (var round = 0; round < Warmup + rounds; round++)
            {
                var serviceIds = await IngestAsync(service, serviceAdmin, round);
                var floorIds = await IngestAsync(floor, floorAdmin, round);

                // Alternate who goes first: the first to run after ingest shares the disk with its write-back.
                double serviceMs, floorMs;
                if (round % 2 == 0)
                {
                    serviceMs = await TimeServiceAsync(service, serviceAdmin, serviceIds);
                    floorMs = await TimeFloorAsync(floor, floorIds);
                }
                else
                {
                    floorMs = await TimeFloorAsync(floor, floorIds);
                    serviceMs = await TimeServiceAsync(service, serviceAdmin, serviceIds);
                }

                if (round >= Warmup)
                {
                    serviceTimes.Add(serviceMs);
                    floorTimes.Add(floorMs);
                }
            }

            var serviceMedian = Stats.Median(serviceTimes);
            var floorMedian = Stats.Median(floorTimes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rounds={rounds} service_ms: min={serviceTimes.Min():F2} max={serviceTimes.Max():F2}; floor_ms: min={floorTimes.Min():F2} max={floorTimes.Max():F2}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"delete: videos={Videos} files={Videos * (1 + Streams + Snapshots)} service_median_ms={serviceMedian:F2} floor_median_ms={floorMedian:F2} ratio={serviceMedian / floorMedian:F2}"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>The reply and the background removal it starts, until storage is clean: the same work as the floor's.</summary>
    private static async Task<double> TimeServiceAsync(BenchmarkHost service, string adminId, List<string> ids)
    {
        var clock = Stopwatch.StartNew();
        var result = await service.Services.GetRequiredService<VideoDeletionService>()
            .DeleteAsync(new DeletionCaller(adminId, DeletionChannel.Cli), string.Join(",", ids));
        await StorageClean.WaitAsync(service, result.RequestId);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (result.Deleted.Count != Videos || CountFiles(service) != 0)
        {
            throw new InvalidOperationException($"the service did not delete everything: {result.Error?.Code}, {result.Deleted.Count} deleted");
        }

        return elapsed;
    }

    private static async Task<double> TimeFloorAsync(BenchmarkHost floor, List<string> ids)
    {
        var files = await FilesOfAsync(floor, ids);
        var clock = Stopwatch.StartNew();
        await FloorDeleteAsync(floor, ids, files);
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// The files' paths as the database knows them. Not by listing the folders: that would warm the
    /// directory cache for exactly the files the floor then removes, which the service never gets.
    /// </summary>
    private static async Task<List<string>> FilesOfAsync(BenchmarkHost host, List<string> ids)
    {
        var storageRoot = host.Services.GetRequiredService<MediaAdminPaths>().StorageRoot;
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContextAsync();
        var keys = await db.MediaFiles.Where(f => ids.Contains(f.AssetId)).Select(f => f.StorageKey).ToListAsync();
        return keys.Select(key => Path.Join(storageRoot, key)).ToList();
    }

    private static async Task FloorDeleteAsync(BenchmarkHost floor, IReadOnlyList<string> ids, IReadOnlyList<string> files)
    {
        foreach (var file in files)
        {
            File.Delete(file);
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(floor.Folder, "mediaadmin.db")};Foreign Keys=True");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM MediaAssets WHERE Id IN ({string.Join(",", ids.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < ids.Count; i++)
        {
            command.Parameters.AddWithValue("$p" + i, ids[i]);
        }

        if (await command.ExecuteNonQueryAsync() != ids.Count)
        {
            throw new InvalidOperationException("the floor did not delete every row");
        }
    }

    private static async Task<List<string>> IngestAsync(BenchmarkHost host, string ownerId, int round)
    {
        var content = new byte[256];
        var drafts = Enumerable.Range(0, Videos).Select(v =>
        {
            var files = new List<FileDraft> { new(MediaFileKind.Mezzanine, "source.mp4", "mp4", content) };
            files.AddRange(Enumerable.Range(0, Streams).Select(s => new FileDraft(MediaFileKind.Stream, $"streams/{s}.mp4", "mp4", content, "HD", 2000)));
            files.AddRange(Enumerable.Range(0, Snapshots).Select(s => new FileDraft(MediaFileKind.Snapshot, $"snapshots/{s:00}.jpg", "jpg", content, SnapshotKind: SnapshotKind.Normal)));
            return new AssetDraft($"Round {round} video {v}", MediaType.Video, ownerId, files);
        }).ToList();
        var assets = await host.Services.GetRequiredService<AssetIngestion>().IngestManyAsync(drafts);
        return assets.Select(a => a.Id).ToList();
    }

    private static int CountFiles(BenchmarkHost host)
    {
        var media = Path.Combine(host.Services.GetRequiredService<MediaAdminPaths>().StorageRoot, "media");
        return Directory.Exists(media) ? Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories).Count() : 0;
    }
}
