using System.Diagnostics;
using System.Globalization;
using MediaAdmin.Core;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// The queries behind the library page on libraries of 10,000 and 1,000,000 assets (embedded SQLite):
/// first page, page 200, a type filter, a title search for a rare word and one for a common word (first
/// page and page 20, newest first). Each ratio is the large library's median
/// over the small one's; a query that does not walk the library stays near 1.
/// </summary>
internal static class ListBenchmark
{
    private static readonly string[] Words = ["Morning", "Quarterly", "Hidden", "Coastal", "Urban", "Midnight", "Spring", "Live", "Classic", "Rapid", "Briefing", "Highlights", "Interview", "Concert", "Lecture", "Walkthrough", "Review", "Keynote", "Journey", "Recap"];

    /// <summary>In one title of twenty, like the "review" or "briefing" an editor types.</summary>
    private const string CommonWord = "summit";

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = Stats.Rounds(args, 21);
        var root = Path.Combine(Path.GetTempPath(), "mediaadmin-list-" + Guid.NewGuid().ToString("N"));
        using var listed = BenchmarkLeftovers.Folder(root);
        try
        {
            var small = await MeasureAsync(Path.Combine(root, "small"), 10_000, rounds);
            var large = await MeasureAsync(Path.Combine(root, "large"), 1_000_000, rounds);
            foreach (var name in small.Keys)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: 10k_median_ms={small[name]:F2} 1m_median_ms={large[name]:F2}"));
            }

            double Ratio(string name) => large[name] / small[name];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"list: first_ratio={Ratio("first"):F2} page200_ratio={Ratio("page200"):F2} filter_ratio={Ratio("filter"):F2} search_ratio={Ratio("search"):F2} common_ratio={Ratio("common"):F2} common_page20_ratio={Ratio("common_page20"):F2}"));
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

    private static async Task<Dictionary<string, double>> MeasureAsync(string folder, int assets, int rounds)
    {
        await using var host = await BenchmarkHost.StartAsync(folder);
        string userId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<AccountProvisioning>().CreateAsync("list@example.com", RoleNames.Administrator);
            userId = created.User!.Id;
        }

        var clock = Stopwatch.StartNew();
        await FillAsync(host.Folder, userId, assets);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"built {assets} assets in {clock.Elapsed.TotalSeconds:F1} s"));

        var library = host.Services.GetRequiredService<LibraryQueryService>();
        var queries = new Dictionary<string, LibraryQuery>
        {
            ["first"] = new(),
            ["page200"] = new() { Page = 199 },
            ["filter"] = new() { MediaType = MediaType.Audio },
            ["search"] = new() { Search = "aurora" },
            ["common"] = new() { Search = CommonWord },
            ["common_page20"] = new() { Search = CommonWord, Page = 19 },
        };
        var medians = new Dictionary<string, double>();
        foreach (var (name, query) in queries)
        {
            var times = new List<double>();
            for (var i = 0; i < rounds + 2; i++)
            {
                clock.Restart();
                var page = (await library.QueryAsync(userId, query)).Value;
                var elapsed = clock.Elapsed.TotalMilliseconds;
                if (page.Rows.Count == 0)
                {
                    throw new InvalidOperationException($"{name} found nothing on {assets} assets");
                }

                if (i >= 2)
                {
                    times.Add(elapsed);
                }
            }

            medians[name] = Stats.Median(times);
        }

        return medians;
    }

    /// <summary>
    /// Fills the library with plain SQL in one transaction: each asset with one snapshot row. One asset in
    /// 10,000 (at least 50) has the word "aurora" in its title, the kind of word a search looks for, and
    /// one in twenty the common word.
    /// </summary>
    private static async Task FillAsync(string folder, string ownerId, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "mediaadmin.db")}");
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var asset = connection.CreateCommand();
        asset.CommandText = """
            INSERT INTO "MediaAssets" ("Id", "Title", "SearchKey", "MediaType", "Status", "DurationSeconds", "TotalSizeBytes", "OwnerId", "CreatedAtUtc", "UpdatedAtUtc")
            VALUES ($id, $title, $key, $type, 5, $duration, $size, $owner, $created, $created)
            """;
        await using var file = connection.CreateCommand();
        file.CommandText = """
            INSERT INTO "MediaFiles" ("AssetId", "Kind", "StorageKey", "SizeBytes", "CdnUrl", "Format", "SnapshotKind")
            VALUES ($id, 2, $storageKey, 1000, $url, 'png', 0)
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$id", "$title", "$key", "$type", "$duration", "$size", "$owner", "$created" })
        {
            p[name] = asset.Parameters.Add(name, SqliteType.Text);
        }

        var fileId = file.Parameters.Add("$id", SqliteType.Text);
        var storageKey = file.Parameters.Add("$storageKey", SqliteType.Text);
        var url = file.Parameters.Add("$url", SqliteType.Text);
        var random = new Random(42);
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var auroraEvery = Math.Min(10_000, count / 50);
        for (var i = 0; i < count; i++)
        {
            var id = VideoId.New();
            var title = $"{Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]} {i}" + (i % auroraEvery == 0 ? " aurora" : string.Empty)
                + (i % 20 == 10 ? " " + CommonWord : string.Empty);
            p["$id"].Value = id;
            p["$title"].Value = title;
            p["$key"].Value = VideoId.SearchKeyOf(id);
            p["$type"].Value = random.Next(5) == 0 ? (int)MediaType.Audio : (int)MediaType.Video;
            p["$duration"].Value = random.Next(10, 7200);
            p["$size"].Value = random.Next(1_000, 2_000_000_000);
            p["$owner"].Value = ownerId;
            p["$created"].Value = start.AddSeconds(i * 60).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            await asset.ExecuteNonQueryAsync();
            fileId.Value = id;
            storageKey.Value = $"media/{id}/snapshots/cover.png";
            url.Value = $"https://cdn.example.test/vod/media/{id}/snapshots/cover.png";
            await file.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        await analyze.ExecuteNonQueryAsync();
    }
}
