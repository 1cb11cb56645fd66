using MediaAdmin.Core.Data;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Ingest;

/// <summary>
/// An ingest that fails half-way leaves no file and no row it did not commit: storage ends holding exactly the files
/// of the rows left. Run on both providers by <see cref="LocalDiskIngestFailureTests"/> and
/// <see cref="AzureBlobIngestFailureTests"/>; each test has a host (and on blob storage a container) of its own, and
/// one attempt per job, so a failed attempt is the job's end.
/// </summary>
public abstract class IngestFailureTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly FailingCommandInterceptor _database = new();
    private IngestTestHost? _host;

    protected TempFolder Sources { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _folder.Dispose();
        Sources.Dispose();
    }

    [Fact]
    public async Task A_database_failure_when_an_upload_commits_leaves_no_asset_row_and_no_stored_mezzanine()
    {
        var host = await StartAsync();
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);
        var source = await TestClips.VideoAsync(Sources.Path, 320, 180, seconds: 1);
        _database.FailWhenSqlContains = "INSERT INTO \"MediaAssets\"";

        await Assert.ThrowsAsync<DbUpdateException>(() => host.Pipeline.SubmitAsync(new IngestSubmission(editor.Id, "Clip", source, "clip.mp4")));
        _database.FailWhenSqlContains = null;

        Assert.Equal(1, _database.Failures);
        Assert.Empty(await host.App.LiveAssetIdsAsync());
        Assert.Empty(await host.App.StoredKeysAsync());
        Assert.True(File.Exists(source), "the caller's file stays");
    }

    [Fact]
    public async Task A_source_that_turns_out_unreadable_ends_in_transcode_fail_with_the_reason_and_no_stray_files()
    {
        var host = await StartAsync();
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);
        var source = await TestClips.VideoAsync(Sources.Path, 320, 180, seconds: 1);
        host.Hooks.StepReached = (assetId, step) =>
        {
            if (step == IngestStep.Started)
            {
                // The stored mezzanine is damaged between upload and transcoding (a bad disk, a bad copy).
                TruncateMezzanineAsync(host, assetId).GetAwaiter().GetResult();
            }
        };

        var id = await host.SubmitAsync(editor.Id, source);

        Assert.Equal(IngestJobState.Failed, await host.AttemptEndedAsync(id));
        var asset = await host.AssetAsync(id);
        Assert.Equal(MediaStatus.TranscodeFail, asset.Status);
        Assert.False(string.IsNullOrWhiteSpace(asset.StatusReason));
        Assert.Equal([MediaFileKind.Mezzanine], asset.Files.Select(f => f.Kind));
        Assert.Equal((IngestJobState.Failed, asset.StatusReason), ((await host.JobAsync(id)).State, (await host.JobAsync(id)).Error));
        await host.AssertNothingStrayAsync();
    }

    [Fact]
    public async Task A_storage_fault_while_outputs_are_stored_fails_the_job_and_removes_the_outputs_already_stored()
    {
        FaultyStorage? storage = null;
        var host = await StartAsync(services => FaultyStorage.Wrap(services, s => storage = s));
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);
        var source = await TestClips.VideoAsync(Sources.Path, 320, 180, seconds: 1);
        var storedBeforeTheFault = new List<string>();
        host.Hooks.StepReached = (assetId, step) =>
        {
            if (step == IngestStep.StoringOutputs)
            {
                // The first output is stored: the next write (of several still to come) fails.
                storedBeforeTheFault.AddRange(host.App.StoredKeysAsync($"media/{assetId}").GetAwaiter().GetResult());
                storage!.FailWriteNumber = 3;
            }
        };

        var id = await host.SubmitAsync(editor.Id, source);

        Assert.Equal(IngestJobState.Failed, await host.AttemptEndedAsync(id));
        Assert.Equal(2, storedBeforeTheFault.Count);
        var asset = await host.AssetAsync(id);
        Assert.Equal(MediaStatus.TranscodeFail, asset.Status);
        Assert.Contains("simulated storage failure on write #3", asset.StatusReason, StringComparison.Ordinal);
        var mezzanine = Assert.Single(asset.Files);
        Assert.Equal(MediaFileKind.Mezzanine, mezzanine.Kind);
        await host.AssertNothingStrayAsync();
        Assert.Equal([mezzanine.StorageKey], await host.App.StoredKeysAsync($"media/{id}"));
    }

    /// <summary>Settings that choose the storage provider, called once per test; a blob container must exist already.</summary>
    protected abstract Task<Dictionary<string, string?>> StorageSettingsAsync();

    private async Task<IngestTestHost> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?>(await StorageSettingsAsync()) { ["Ingest:MaxAttempts"] = "1" };
        _host = await IngestTestHost.StartAsync(
            _folder.Path,
            configure: services =>
            {
                services.ConfigureDbContext<SqliteMediaDbContext>(options => options.AddInterceptors(_database));
                configure?.Invoke(services);
            },
            settings: settings);
        return _host;
    }

    /// <summary>Through the storage, so the damage reaches a file on disk and a blob alike.</summary>
    private static async Task TruncateMezzanineAsync(IngestTestHost host, string assetId)
    {
        var storage = host.App.Services.GetRequiredService<IMediaStorage>();
        var key = StorageKey.Parse(Assert.Single(await host.App.StoredKeysAsync($"media/{assetId}/source")));
        var head = new byte[64];
        await using (var stored = await storage.OpenReadAsync(key) ?? throw new FileNotFoundException(key.Value))
        {
            await stored.ReadExactlyAsync(head);
        }

        await storage.WriteAsync(key, new MemoryStream(head));
    }
}
