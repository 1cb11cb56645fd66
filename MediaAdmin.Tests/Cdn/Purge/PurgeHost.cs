using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn.Purge;

/// <summary>
/// Core on its own SQLite file with Provider=Http against a <see cref="FakeEdge"/> that is also the public CDN,
/// optionally with a scripted provider in the Http provider's place; stopped with the edge on dispose.
/// </summary>
public sealed class PurgeHost : IAsyncDisposable
{
    private readonly TempFolder _folder;

    private PurgeHost(TempFolder folder, FakeEdge edge, CoreHost app)
    {
        _folder = folder;
        Edge = edge;
        App = app;
    }

    public FakeEdge Edge { get; }

    public CoreHost App { get; }

    public CdnPurgeService Purges => App.Services.GetRequiredService<CdnPurgeService>();

    public CdnPurgeQueries Queries => App.Services.GetRequiredService<CdnPurgeQueries>();

    /// <summary>Public URLs are on <c>localhost</c> and purges go to <c>127.0.0.1</c>: the same edge, so a purge's Host header shows whose URL it carries.</summary>
    public static async Task<PurgeHost> StartAsync(
        IDictionary<string, string?>? settings = null, ICdnPurgeProvider? provider = null, TempFolder? folder = null, Action<IServiceCollection>? services = null)
    {
        folder ??= new TempFolder();
        var edge = await FakeEdge.StartAsync();
        var all = PurgeFixtures.QuickPurge(new Uri($"http://localhost:{edge.Address.Port}"), edge.Address);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = await CoreHost.StartAsync(folder.Path, registered =>
        {
            if (provider is not null)
            {
                registered.AddSingleton(provider);
            }

            services?.Invoke(registered);
        }, all);
        return new PurgeHost(folder, edge, app);
    }

    /// <summary>Ingests an HLS asset for <paramref name="ownerId"/> and deletes it; returns the deletion's request ID.</summary>
    public async Task<string> DeleteHlsAssetAsync(string ownerId)
    {
        var asset = await App.Services.GetRequiredService<AssetIngestion>().IngestAsync(PurgeFixtures.HlsVideo(ownerId));
        var deletion = await App.Deletion.DeleteAsync(new DeletionCaller(ownerId, DeletionChannel.Console), asset.Id);
        Assert.True(deletion.Succeeded);
        return deletion.RequestId;
    }

    public Task<CdnPurgeDetail> WaitForAsync(string userId, string requestId, Func<CdnPurgeDetail, bool> done) =>
        PurgeFixtures.WaitForAsync(App.Services, userId, requestId, done);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Edge.DisposeAsync();
        _folder.Dispose();
    }
}
