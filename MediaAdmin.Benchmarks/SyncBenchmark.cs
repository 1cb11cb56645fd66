using System.Diagnostics;
using System.Globalization;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// A full sync of a generated remote library (100,000 items by default, every tenth audio) from a loopback stand-in
/// into Core with the AlibabaVod source on a fresh SQLite file, at <c>--rate</c> SearchMedia calls a second (default
/// 50, Alibaba's limit per account). The sync should be limited by that rate, not by MediaAdmin: the ratio of the
/// items mirrored a second to rate × 100 (the page size) says how close it came. Memory should stay flat.
/// </summary>
internal static class SyncBenchmark
{
    private const int PageSize = 100;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    public static Task<int> RunAsync(string[] args)
    {
        var rate = Option(args, "--rate", 50);
        var assets = Option(args, "--assets", 100_000);
        if (rate is < 1 or > AlibabaVodSourceOptions.MaxSyncRequestsPerSecond || assets < 1)
        {
            Console.Error.WriteLine($"--rate must be 1 to {AlibabaVodSourceOptions.MaxSyncRequestsPerSecond} and --assets at least 1.");
            return Task.FromResult(2);
        }

        return BenchmarkFolder.RunInAsync("mediaadmin-sync-", root => RunInAsync(root, rate, assets));
    }

    private static async Task<int> RunInAsync(string root, int rate, int assets)
    {
        await using var remote = await CatalogStandIn.StartAsync(assets);
        var clock = Stopwatch.StartNew();
        await using var host = await BenchmarkHost.StartAsync(root, new Dictionary<string, string?>
        {
            ["Library:Source"] = "AlibabaVod",
            ["AlibabaVod:Endpoint"] = remote.Endpoint.ToString(),
            ["AlibabaVod:RegionId"] = "cn-shanghai",
            ["AlibabaVod:AccessKeyId"] = "benchmark-key",
            ["AlibabaVod:AccessKeySecret"] = "benchmark-secret",
            ["AlibabaVod:CallbackPrivateKey"] = "benchmark-callback-key",
            ["AlibabaVod:SyncRequestsPerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
        });
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>();
        SourceSyncRun run;
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            SourceSyncRun? current;
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                current = await db.SourceSyncRuns.AsNoTracking().OrderBy(r => r.Id).FirstOrDefaultAsync();
            }

            if (current is { Unfinished: null })
            {
                run = current;
                break;
            }

            if (clock.Elapsed - lastReport >= ProgressEvery)
            {
                lastReport = clock.Elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {clock.Elapsed.TotalSeconds,6:F0} s: {current?.Seen ?? 0:N0} of {current?.RemoteTotal ?? assets:N0} listed, {PeakMegabytes():F0} MB peak"));
            }

            await Task.Delay(100);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        int mirrored;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            mirrored = await db.RemoteAssets.CountAsync();
        }

        if (run.State != SourceSyncState.Succeeded || mirrored != assets)
        {
            await Console.Error.WriteLineAsync($"The sync ended {run.State} with {mirrored} of {assets} mirrored: {run.Error}");
            return 1;
        }

        var perSecond = assets / seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {remote.Catalog.Served.Count} pages at --rate {rate}: achieved/(rate x {PageSize}) = {perSecond / (rate * PageSize):F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sync: assets={assets} seconds={seconds:F1} assets_per_s={perSecond:F0} peak_mb={PeakMegabytes():F0}"));
        return 0;
    }

    private static double PeakMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
