using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Tests.AlibabaVod;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources;

/// <summary>
/// An ApsaraVideo VOD library on the WireMock stand-in (<see cref="Items"/>, changed by the test as it likes) and the
/// settings that point a MediaAdmin with <c>Library:Source=AlibabaVod</c> at it; starts Core hosts on it and waits for syncs.
/// </summary>
public sealed class RemoteLibrary : IDisposable
{
    private readonly VodStandIn _standIn = new();

    public RemoteLibrary(IEnumerable<CatalogVideo> items)
    {
        Items = [.. items];
        Catalog = new VodCatalog(Items);
        _standIn.CatalogActions = (action, parameters) => action == "SearchMedia" ? Catalog.SearchMedia(parameters) : null;
    }

    public List<CatalogVideo> Items { get; }

    public VodCatalog Catalog { get; }

    public IReadOnlyList<VodCall> SearchCalls => _standIn.CallsTo("SearchMedia");

    /// <summary>The first <paramref name="count"/> items of the generated library, in a list the test may change.</summary>
    public static RemoteLibrary Generated(int count) => new(new GeneratedCatalog(count));

    public Dictionary<string, string?> Settings(string incrementalInterval = "01:00:00") => new()
    {
        ["Library:Source"] = "AlibabaVod",
        ["AlibabaVod:Endpoint"] = _standIn.Endpoint.ToString(),
        ["AlibabaVod:RegionId"] = "cn-shanghai",
        ["AlibabaVod:AccessKeyId"] = VodStandIn.AccessKeyId,
        ["AlibabaVod:AccessKeySecret"] = VodStandIn.AccessKeySecret,
        ["AlibabaVod:CallbackPrivateKey"] = "stand-in-callback-key",
        ["AlibabaVod:SyncRequestsPerSecond"] = "50",
        ["AlibabaVod:IncrementalSyncInterval"] = incrementalInterval,
        ["AlibabaVod:FullSyncInterval"] = "00:00:00",
        ["AlibabaVod:Resilience:RetryDelay"] = "00:00:00.010",
    };

    public Task<CoreHost> StartHostAsync(string dataFolder, string incrementalInterval = "01:00:00", Action<IServiceCollection>? configure = null) =>
        CoreHost.StartAsync(dataFolder, configure, Settings(incrementalInterval));

    /// <summary>Waits for the <paramref name="nth"/> finished sync of <paramref name="kind"/> (1 = the first) and answers it.</summary>
    public static async Task<SourceSyncRun> WaitForFinishedAsync(CoreHost host, SourceSyncKind kind, int nth = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            await using (var db = await host.OpenDbAsync())
            {
                var finished = await db.SourceSyncRuns.AsNoTracking().Where(r => r.Kind == kind && r.Unfinished == null).OrderBy(r => r.Id).ToListAsync();
                if (finished.Count >= nth)
                {
                    return finished[nth - 1];
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"no {nth}. finished {kind} sync in time");
            await Task.Delay(100);
        }
    }

    /// <summary>The mirror as the library reads it: every asset with its remote row, by ID.</summary>
    public static async Task<Dictionary<string, (string Title, string Status, long? CategoryId, string? Category, string? Cover)>> MirrorAsync(CoreHost host)
    {
        await using var db = await host.OpenDbAsync();
        return await db.MediaAssets.AsNoTracking()
            .Join(db.RemoteAssets, a => a.Id, r => r.AssetId, (a, r) => new { a.Id, a.Title, a.Status, a.CategoryId, Category = a.Category!.Name, r.CoverUrl })
            .ToDictionaryAsync(x => x.Id, x => (x.Title, x.Status.ToString(), x.CategoryId, (string?)x.Category, x.CoverUrl));
    }

    public void Dispose() => _standIn.Dispose();
}
