using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Reconciliation;
using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Cdn.UrlAuth;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Reconciliation;

/// <summary>A fix on blob storage (a real Azurite) keeps to the grace period by each blob's Last-Modified.</summary>
public sealed class AzureBlobReconciliationTests(Azurite azurite) : IClassFixture<Azurite>, IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_fix_on_blob_storage_removes_an_orphan_older_than_the_grace_period_and_keeps_a_fresh_one_and_live_files()
    {
        // Frozen where the first orphan is exactly one grace period old: blob times have whole seconds, so "older"
        // is decided by the clock, never by waiting for an hour to pass.
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = await CoreHost.StartAsync(_folder.Path, services => services.AddSingleton<TimeProvider>(clock),
            new Dictionary<string, string?>(ReconciliationHost.Settings) { ["Reconcile:OrphanGracePeriod"] = Grace.ToString() }
                .Concat(azurite.Settings(azurite.NewContainerName())).ToDictionary());
        var ages = Assert.IsAssignableFrom<IStoredFileAges>(app.Services.GetRequiredService<IMediaStorage>());
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        var live = await app.AddAssetAsync(admin.Id);
        var old = await PlantAsync(app, $"media/{VideoId.New()}/source.mp4");
        var oldWritten = (await ages.LastModifiedAsync(StorageKey.Parse(old))).GetValueOrDefault();
        var fresh = await PlantLaterThanAsync(app, ages, $"media/{VideoId.New()}/source/clip.mp4", oldWritten);
        clock.Advance(oldWritten + Grace - clock.GetUtcNow());

        var run = await app.ReconcileAsync(admin.Id, fix: true);

        Assert.Equal((ReconciliationState.Completed, 2L, 1L), (run.State, run.OrphansFound, run.Fixed));
        var outcomes = (await app.FindingsAsync(run.Id, FindingKind.Orphan)).ToDictionary(f => f.StorageKey, f => f.Outcome);
        Assert.Equal((FindingOutcome.Removed, FindingOutcome.TooRecent), (outcomes[old], outcomes[fresh]));
        var stored = await app.StoredKeysAsync();
        Assert.DoesNotContain(old, stored);
        Assert.Contains(fresh, stored);
        Assert.All(live.Files, f => Assert.Contains(f.StorageKey, stored));
        Assert.Null(await ages.LastModifiedAsync(StorageKey.Parse(old)));
    }

    private static async Task<string> PlantAsync(CoreHost app, string key)
    {
        await app.Services.GetRequiredService<IMediaStorage>().WriteAsync(StorageKey.Parse(key), new MemoryStream([1, 2, 3]));
        return key;
    }

    /// <summary>Writes the blob again until its Last-Modified, kept in whole seconds, is past <paramref name="after"/>.</summary>
    private static async Task<string> PlantLaterThanAsync(CoreHost app, IStoredFileAges ages, string key, DateTimeOffset after)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await ages.LastModifiedAsync(StorageKey.Parse(await PlantAsync(app, key))) <= after)
        {
            Assert.True(DateTime.UtcNow < deadline, "Azurite kept giving the blob the same Last-Modified.");
            await Task.Delay(100);
        }

        return key;
    }
}
