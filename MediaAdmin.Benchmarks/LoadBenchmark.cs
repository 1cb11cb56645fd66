using System.Collections.Concurrent;
using System.Globalization;
using MediaAdmin.Core;
using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// The API under load on two instances sharing one SQLite file (and a Redis with <c>--redis</c>): 5 users,
/// each calling DeleteVideo on fresh assets at 25 per second and GetVideoList at 50 per second, calls handed
/// to the two instances in turn as a load balancer would. Calls are sent on schedule whether or not earlier ones
/// have answered, so a slow answer shows in the latencies instead of slowing the load. After the run the
/// workers settle and every deleted asset's folder is checked for files left behind.
/// </summary>
internal static class LoadBenchmark
{
    private const int Users = 5;
    private const int FilesPerAsset = 4;

    // The same load, uncounted, before the measured run. Measured from its first call, a run's slowest 1 % were all in
    // its first three seconds, while the runtime compiled some 1,500 methods (the paths only concurrency takes:
    // new connections, awaits that really wait) and recompiled them optimised: a start-up cost, not the steady state.
    // 10 s was not always enough: on a slow hour the measured run still compiled over 1,500 methods (2.6 s of JIT);
    // after 30 s it compiles 100 to 200 (the cost line's jit_methods).
    private const int DefaultWarmUpSeconds = 30;

    public static Task<int> RunAsync(string[] args) => BenchmarkFolder.RunInAsync("mediaadmin-load-", root => RunInAsync(root, args));

    private static async Task<int> RunInAsync(string root, string[] args)
    {
        var seconds = Option(args, "--seconds", 60);
        var deleteRate = Option(args, "--delete-rate", 25);
        var listRate = Option(args, "--list-rate", 50);
        var warmUpSeconds = Option(args, "--warm-up", DefaultWarmUpSeconds);
        await using var instances = await LoadInstances.StartAsync(root, args.Contains("--redis"));
        var clients = await PrepareUsersAsync(instances, deleteRate * (warmUpSeconds + seconds + 1));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load: 2 instances, redis={(instances.UsesRedis ? "yes" : "no")}, {Users} users x (DeleteVideo {deleteRate}/s + GetVideoList {listRate}/s) for {seconds}s after {warmUpSeconds}s of warm-up"));

        var deleted = new ConcurrentBag<string>();
        var warmUp = new ConcurrentBag<ApiOutcome>();
        await RunScheduleAsync(clients, instances.ApiAddresses, deleteRate, listRate, warmUpSeconds, warmUp, deleted);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm-up: seconds={warmUpSeconds} calls={warmUp.Count} errors={warmUp.Count(o => o.Code is not null && !o.Throttled)} (not counted)"));

        // Optimised recompilation runs in the background shortly after a method's 30th call.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var outcomes = new ConcurrentBag<ApiOutcome>();
        var costAtStart = LoadCost.Now();
        instances.ServerTimes.Recording = true;
        await RunScheduleAsync(clients, instances.ApiAddresses, deleteRate, listRate, seconds, outcomes, deleted);
        instances.ServerTimes.Recording = false;
        Console.WriteLine(LoadCost.Now().Since(costAtStart, outcomes.Count, seconds));

        var orphans = await SettleAndCountOrphansAsync(instances, deleted.ToList());
        LoadReport.Write(seconds, outcomes.ToList(), instances.ServerTimes.Milliseconds.ToList(), orphans);
        return 0;
    }

    /// <summary>Every user calls DeleteVideo on fresh assets and GetVideoList on schedule for <paramref name="seconds"/>.</summary>
    private static Task RunScheduleAsync(
        List<LoadUser> clients, IReadOnlyList<Uri> apis, int deleteRate, int listRate, int seconds, ConcurrentBag<ApiOutcome> outcomes, ConcurrentBag<string> deleted)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        return Task.WhenAll(clients.SelectMany((user, u) => new[]
        {
            OnScheduleAsync(deleteRate, Phase(u, deleteRate, 0), until, u, async api =>
            {
                if (!user.Assets.TryDequeue(out var id))
                {
                    throw new InvalidOperationException("ran out of fresh assets");
                }

                var outcome = await user.Client.CallAsync(api, "DeleteVideo", new Dictionary<string, string> { ["VideoIds"] = id });
                outcomes.Add(outcome);
                if (outcome.Code is null)
                {
                    deleted.Add(id);
                }
            }, apis),
            OnScheduleAsync(listRate, Phase(u, listRate, 0.5), until, u + 1, async api =>
                outcomes.Add(await user.Client.CallAsync(api, "GetVideoList", new Dictionary<string, string> { ["PageSize"] = "20" })), apis),
        }));
    }

    /// <summary>
    /// Where user <paramref name="user"/>'s schedule starts within one period: the users' schedules are spread evenly
    /// over it (and a second action's by half a step more), as independent clients' calls are. Started together, every
    /// user's timer fired at the same instant, so every 40 ms ten calls reached the API within a millisecond.
    /// </summary>
    private static TimeSpan Phase(int user, int perSecond, double extraSteps) =>
        TimeSpan.FromSeconds((user + extraSteps) / (Users * (double)perSecond));

    /// <summary>
    /// Calls <paramref name="call"/> <paramref name="perSecond"/> times a second from <paramref name="phase"/> after now until
    /// <paramref name="until"/>, alternating the instances. A late tick sends the calls it owes, so a stalled machine shows as
    /// latency, not as a lighter load.
    /// </summary>
    private static async Task OnScheduleAsync(int perSecond, TimeSpan phase, DateTime until, int offset, Func<Uri, Task> call, IReadOnlyList<Uri> apis)
    {
        await Task.Delay(phase);
        var inFlight = new List<Task>();
        var started = DateTime.UtcNow;
        var sent = 0;
        var total = (int)((until - started).TotalSeconds * perSecond);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / perSecond));
        while (DateTime.UtcNow < until && await timer.WaitForNextTickAsync())
        {
            for (var due = Math.Min(total, (int)((DateTime.UtcNow - started).TotalSeconds * perSecond)); sent < due; sent++)
            {
                var api = apis[(sent + offset) % apis.Count];
                inFlight.Add(Task.Run(() => call(api)));
            }
        }

        await Task.WhenAll(inFlight);
    }

    private static async Task<List<LoadUser>> PrepareUsersAsync(LoadInstances instances, int assetsPerUser)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        var users = new List<LoadUser>();
        for (var u = 0; u < Users; u++)
        {
            await using var scope = instances.First.CreateAsyncScope();
            var created = await scope.ServiceProvider.GetRequiredService<AccountProvisioning>().CreateAsync($"load{u}@example.com", RoleNames.Editor);
            var user = created.User ?? throw new InvalidOperationException(string.Join("; ", created.Errors));
            var key = await instances.First.GetRequiredService<AccessKeyService>().CreateAsync(user.Id, user.Id);
            var assets = new ConcurrentQueue<string>();
            for (var batch = 0; batch < assetsPerUser; batch += 250)
            {
                var drafts = Enumerable.Range(batch, Math.Min(250, assetsPerUser - batch)).Select(i => Draft(user.Id, $"Load {u} asset {i}")).ToList();
                foreach (var asset in await instances.First.GetRequiredService<AssetIngestion>().IngestManyAsync(drafts))
                {
                    assets.Enqueue(asset.Id);
                }
            }

            users.Add(new LoadUser(new SignedApiClient(http, key.Value), assets));
        }

        return users;
    }

    private static AssetDraft Draft(string ownerId, string title)
    {
        var content = new byte[512];
        var files = new List<FileDraft> { new(MediaFileKind.Mezzanine, "source.mp4", "mp4", content) };
        files.AddRange(Enumerable.Range(0, FilesPerAsset - 2).Select(s => new FileDraft(MediaFileKind.Stream, $"streams/{s}.mp4", "mp4", content, "HD", 2000)));
        files.Add(new FileDraft(MediaFileKind.Snapshot, "snapshots/00.jpg", "jpg", content, SnapshotKind: SnapshotKind.Cover));
        return new AssetDraft(title, MediaType.Video, ownerId, files);
    }

    /// <summary>Waits (up to two minutes) until no file removal is pending, then counts files left in deleted assets' folders.</summary>
    private static async Task<int> SettleAndCountOrphansAsync(LoadInstances instances, IReadOnlyList<string> deletedIds)
    {
        var dbFactory = instances.First.GetRequiredService<IDbContextFactory<MediaDbContext>>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            if (!await db.PendingFileDeletions.AnyAsync())
            {
                break;
            }

            await Task.Delay(250);
        }

        var storageRoot = instances.First.GetRequiredService<MediaAdminPaths>().StorageRoot;
        return deletedIds.Sum(id =>
        {
            var folder = Path.Combine(storageRoot, "media", id);
            return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
        });
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }

    private sealed record LoadUser(SignedApiClient Client, ConcurrentQueue<string> Assets);
}
