using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Ingest;

/// <summary>Core with the real pipeline and worker on a temp folder, hooks to act at a job's steps, and waits on its outcome.</summary>
internal sealed class IngestTestHost : IAsyncDisposable
{
    private IngestTestHost(CoreHost app, IngestHooks hooks)
    {
        App = app;
        Hooks = hooks;
        hooks.AttemptEnded = (assetId, state) => Ended(assetId).TrySetResult(state);
    }

    public CoreHost App { get; }

    internal IngestHooks Hooks { get; }

    public IIngestPipeline Pipeline => App.Services.GetRequiredService<IIngestPipeline>();

    public string WorkRoot => Path.Combine(App.DataFolder, "ingest-work");

    private Dictionary<string, TaskCompletionSource<IngestJobState>> AttemptsEnded { get; } = new(StringComparer.Ordinal);

    public static async Task<IngestTestHost> StartAsync(
        string folder,
        Action<IngestHooks>? hook = null,
        Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null)
    {
        var hooks = new IngestHooks();
        hook?.Invoke(hooks);
        var app = await CoreHost.StartAsync(
            folder,
            services =>
            {
                services.AddSingleton(hooks);
                configure?.Invoke(services);
            },
            settings);
        return new IngestTestHost(app, hooks);
    }

    public async Task<string> SubmitAsync(string ownerId, string path, string title = "A clip")
    {
        var result = await Pipeline.SubmitAsync(new IngestSubmission(ownerId, title, path, Path.GetFileName(path)));
        Assert.True(result.IsSuccess, result.Error);
        return result.Value;
    }

    /// <summary>
    /// The state the job's first attempt ended in (after its clean-up), within three minutes: with the whole suite on two
    /// cores, an attempt whose asset is deleted mid-way once needed more than one (a wait, not a timing assertion).
    /// </summary>
    public async Task<IngestJobState> AttemptEndedAsync(string assetId) =>
        await Ended(assetId).Task.WaitAsync(TimeSpan.FromMinutes(3));

    public async Task<MediaAsset> AssetAsync(string assetId)
    {
        await using var db = await App.OpenDbAsync();
        return await db.MediaAssets.AsNoTracking().Include(a => a.Files).SingleAsync(a => a.Id == assetId);
    }

    public async Task<IngestJob> JobAsync(string assetId)
    {
        await using var db = await App.OpenDbAsync();
        return await db.IngestJobs.AsNoTracking().SingleAsync(j => j.AssetId == assetId);
    }

    /// <summary>Waits for the asset to reach Normal or TranscodeFail (another host may run its job), within a minute.</summary>
    public async Task<MediaAsset> SettledAsync(string assetId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var asset = await AssetAsync(assetId);
            if (asset.Status is MediaStatus.Normal or MediaStatus.TranscodeFail)
            {
                return asset;
            }

            Assert.True(DateTime.UtcNow < deadline, $"asset still {asset.Status} after a minute");
            await Task.Delay(100);
        }
    }

    /// <summary>Nothing left of an attempt: no work folder, storage holding exactly the files of live assets.</summary>
    public async Task AssertNothingStrayAsync()
    {
        await App.WaitForNoPendingDeletionsAsync();
        Assert.False(Directory.Exists(WorkRoot) && Directory.EnumerateFileSystemEntries(WorkRoot).Any(), "a work folder was left behind");
        await App.AssertStorageMatchesDatabaseAsync();
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    private TaskCompletionSource<IngestJobState> Ended(string assetId)
    {
        lock (AttemptsEnded)
        {
            if (!AttemptsEnded.TryGetValue(assetId, out var ended))
            {
                ended = new TaskCompletionSource<IngestJobState>(TaskCreationOptions.RunContinuationsAsynchronously);
                AttemptsEnded[assetId] = ended;
            }

            return ended;
        }
    }
}
