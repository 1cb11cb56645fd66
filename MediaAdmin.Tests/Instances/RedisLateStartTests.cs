using System.Collections.Concurrent;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Instances;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Instances;

public sealed class RedisLateStartTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly RedisOutageInstances _instances = new(redisDownAtStart: true);

    public Task InitializeAsync() => _instances.InitializeAsync();

    public Task DisposeAsync() => _instances.DisposeAsync();

    [Fact]
    public async Task Instances_started_while_Redis_is_down_subscribe_and_hear_each_other_through_it_once_it_comes_up()
    {
        var (a, b, redis) = (_instances.A, _instances.B, _instances.Redis!);
        var editor = await a.CreateUserAsync(RoleNames.Editor);
        var asset = await TwoInstances.IngestAsync(a, editor.Id, "Redis comes up");
        var heardOnB = new ConcurrentQueue<AssetsDeleted>();
        b.Services.GetRequiredService<DeletionNotifier>().Deleted += heardOnB.Enqueue;
        Assert.False(Connected(a) || Connected(b));

        await redis.StartAsync();
        await Eventually.HoldsAsync(Deadline, () => Connected(a) && Connected(b));
        await Eventually.HoldsAsync(Deadline, () => redis.SubscribersOf("mediaadmin:deletions") == 2);

        // Let B's poll finish the round it was in: from then on it reads the database hourly, so only Redis can tell it.
        await Task.Delay(RedisOutageInstances.PollInterval * 3);
        await TwoInstances.DeleteThroughConsoleAsync(a, editor.Id, asset.Id);

        await Eventually.HoldsAsync(Deadline, () => heardOnB.Any(d => d.VideoIds.Contains(asset.Id)));
    }

    private static bool Connected(ConsoleServer server) => server.Services.GetRequiredService<RedisConnection>().IsConnected;
}
