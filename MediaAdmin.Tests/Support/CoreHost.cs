using MediaAdmin.Core;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Tests.Support;

/// <summary>
/// Core as the app runs it, on a real SQLite file and a real storage folder inside <c>dataFolder</c>.
/// Two hosts on the same folder are two runs of the app on the same database and disk.
/// </summary>
public sealed class CoreHost : IAsyncDisposable
{
    private readonly IHost _host;
    private int _userCounter;

    private CoreHost(IHost host, string dataFolder)
    {
        _host = host;
        DataFolder = dataFolder;
    }

    public string DataFolder { get; }

    public string StorageRoot => Services.GetRequiredService<MediaAdminPaths>().StorageRoot;

    public IServiceProvider Services => _host.Services;

    public VideoDeletionService Deletion => Services.GetRequiredService<VideoDeletionService>();

    public static async Task<CoreHost> StartAsync(
        string dataFolder,
        Action<IServiceCollection>? configure = null,
        IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = dataFolder, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MediaAdmin:DataFolder"] = dataFolder,
            ["Cdn:BaseUrl"] = "https://cdn.example.test/vod",
            ["Deletion:WorkerPollInterval"] = "00:00:00.100",
            ["Deletion:RetryBaseDelay"] = "00:00:00.050",
            ["Deletion:RetryMaxDelay"] = "00:00:00.500",
            ["Deletion:FreshRecordGrace"] = "00:00:00",
            ["Ingest:WorkerPollInterval"] = "00:00:00.500",
            ["Ingest:SnapshotInterval"] = "00:00:01",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders();
        builder.Services.AddMediaAdminCore(builder.Configuration, dataFolder);
        HashPasswordsCheaply(builder.Services);
        RetryingLikeSqlServer.Configure(builder.Services);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new CoreHost(host, dataFolder);
    }

    /// <summary>
    /// Test hosts hash passwords with 1,000 PBKDF2 iterations instead of 100,000: every test creates
    /// users, and the real cost bought nothing here. A stored hash names its count, so checks still work.
    /// </summary>
    public static void HashPasswordsCheaply(IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);

    public async Task<MediaUser> CreateUserAsync(string role, string? name = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var provisioning = scope.ServiceProvider.GetRequiredService<AccountProvisioning>();
        var email = $"{role.ToLowerInvariant()}{Interlocked.Increment(ref _userCounter)}-{Guid.NewGuid().ToString("N")[..8]}@test.local";
        var result = await provisioning.CreateAsync(email, role, "Test-Password-1", name);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.User!;
    }

    /// <summary>An asset with one mezzanine, <paramref name="streams"/> streams and <paramref name="snapshots"/> snapshots, all really stored.</summary>
    public async Task<MediaAsset> AddAssetAsync(string ownerId, int streams = 2, int snapshots = 2, string? title = null) =>
        (await AddAssetsAsync(ownerId, 1, streams, snapshots, title))[0];

    public async Task<IReadOnlyList<MediaAsset>> AddAssetsAsync(string ownerId, int count, int streams = 2, int snapshots = 2, string? title = null)
    {
        var drafts = Enumerable.Range(0, count).Select(i => Drafts.Video(ownerId, title ?? $"Asset {Guid.NewGuid():N}"[..20], streams, snapshots)).ToList();
        return await Services.GetRequiredService<AssetIngestion>().IngestManyAsync(drafts);
    }

    public async Task<MediaDbContext> OpenDbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContextAsync();

    public async Task<HashSet<string>> LiveAssetIdsAsync()
    {
        await using var db = await OpenDbAsync();
        return (await db.MediaAssets.Select(a => a.Id).ToListAsync()).ToHashSet();
    }

    public async Task<List<string>> StoredKeysAsync(string prefix = "")
    {
        var keys = new List<string>();
        await foreach (var key in Services.GetRequiredService<IMediaStorage>().ListAsync(prefix))
        {
            keys.Add(key.Value);
        }

        return keys;
    }

    /// <summary>
    /// Once the background removals are done, files of live assets and files in storage match exactly:
    /// no orphan file, no file missing.
    /// </summary>
    public async Task AssertStorageMatchesDatabaseAsync()
    {
        await WaitForNoPendingDeletionsAsync();
        await using var db = await OpenDbAsync();
        var expected = (await db.MediaFiles.Where(f => db.MediaAssets.Any(a => a.Id == f.AssetId)).Select(f => f.StorageKey).ToListAsync()).Order(StringComparer.Ordinal).ToList();
        var actual = (await StoredKeysAsync()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
    }

    public async Task<int> PendingFileDeletionCountAsync()
    {
        await using var db = await OpenDbAsync();
        return await db.PendingFileDeletions.CountAsync();
    }

    public async Task SetRolePermissionsAsync(string roleName, params string[] permissions)
    {
        await using var scope = Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var role = await roles.FindByNameAsync(roleName) ?? throw new InvalidOperationException(roleName);
        foreach (var claim in await roles.GetClaimsAsync(role))
        {
            await roles.RemoveClaimAsync(role, claim);
        }

        foreach (var permission in permissions)
        {
            await roles.AddClaimAsync(role, new System.Security.Claims.Claim(Core.Permissions.PermissionNames.ClaimType, permission));
        }
    }

    /// <summary>Waits until the background worker has no pending file deletions left, or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForNoPendingDeletionsAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (await PendingFileDeletionCountAsync() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "pending file deletions were not finished by the worker in time");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
