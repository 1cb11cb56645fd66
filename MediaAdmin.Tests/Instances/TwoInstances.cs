using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Instances;
using MediaAdmin.Core.Library;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Instances;

/// <summary>
/// Two real consoles (A, then B) on one data folder: one SQLite file, one storage folder; with Redis when
/// <see cref="Redis"/> is given. Both count rate windows on one frozen clock, so a burst never straddles two windows.
/// </summary>
public class TwoInstances : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    protected TwoInstances(RedisServer? redis) => Redis = redis;

    public RedisServer? Redis { get; }

    public ConsoleServer A { get; private set; } = null!;

    public ConsoleServer B { get; private set; } = null!;

    public BrowserFixture Browser { get; } = new();

    /// <summary>The rate-window clock both instances read, stopped at one instant.</summary>
    public FrozenClock RateClock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Settings beside the test defaults; with Redis, the database is read only hourly, so a deletion B hears came through Redis.</summary>
    protected virtual IDictionary<string, string?> Settings => Redis is null
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?> { ["Notifications:Redis"] = Redis.Configuration, ["Notifications:CatchUpInterval"] = "01:00:00" };

    /// <summary>False to start the instances while Redis is still down; the test starts it.</summary>
    protected virtual bool StartRedisFirst => true;

    public virtual async Task InitializeAsync()
    {
        if (Redis is not null && StartRedisFirst)
        {
            await Redis.InitializeAsync();
        }

        await Browser.InitializeAsync();

        // One after the other: A migrates the new database, B finds it up to date.
        A = await StartAsync();
        B = await StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await Browser.DisposeAsync();
        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }

        _folder.Dispose();
    }

    public static async Task<NewAccessKey> KeyOnAsync(ConsoleServer server, string userId) =>
        (await server.Services.GetRequiredService<AccessKeyService>().CreateAsync(userId, userId)).Value;

    public static Task<DeleteVideosResult> DeleteThroughConsoleAsync(ConsoleServer server, string userId, params string[] videoIds) =>
        server.Services.GetRequiredService<VideoDeletionService>().DeleteAsync(new DeletionCaller(userId, DeletionChannel.Console), string.Join(",", videoIds));

    public static Task<MediaAsset> IngestAsync(ConsoleServer server, string ownerId, string title) =>
        server.Services.GetRequiredService<AssetIngestion>().IngestAsync(Drafts.Video(ownerId, title));

    private Task<ConsoleServer> StartAsync() => ConsoleServer.StartAsync(
        _folder.Path,
        Settings,
        builder => builder.Services.AddKeyedSingleton<TimeProvider>(RatePace.ClockKey, RateClock));
}
