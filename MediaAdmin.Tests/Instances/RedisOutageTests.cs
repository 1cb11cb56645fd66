using System.Collections.Concurrent;
using System.Text.Json;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Instances;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Instances;

public sealed class RedisOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly RedisOutageInstances _instances = new();

    public Task InitializeAsync() => _instances.InitializeAsync();

    public Task DisposeAsync() => _instances.DisposeAsync();

    [Fact]
    public async Task While_Redis_is_down_deletions_succeed_and_reach_the_other_instance_and_once_it_is_back_Redis_carries_them_again()
    {
        var (a, b, redis) = (_instances.A, _instances.B, _instances.Redis!);
        var editor = await a.CreateUserAsync(RoleNames.Editor);
        var duringOutage = await TwoInstances.IngestAsync(a, editor.Id, "Outage during");
        var afterOutage = await TwoInstances.IngestAsync(a, editor.Id, "Outage after");
        var key = await TwoInstances.KeyOnAsync(a, editor.Id);
        var heardOnB = new ConcurrentQueue<AssetsDeleted>();
        b.Services.GetRequiredService<DeletionNotifier>().Deleted += heardOnB.Enqueue;

        await redis.StopAsync();
        await Eventually.HoldsAsync(Deadline, () => !Connected(a) && !Connected(b));
        using var api = new HttpClient { BaseAddress = a.ApiAddress };
        using var answer = await api.GetAsync("/?" + SignedRequests.DeleteVideoQuery(key.Id, key.Secret, duringOutage.Id));
        var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        Assert.False(body.TryGetProperty("Code", out _), body.ToString());
        await Eventually.HoldsAsync(Deadline, () => heardOnB.Any(d => d.VideoIds.Contains(duringOutage.Id)));

        await redis.StartAsync();
        await Eventually.HoldsAsync(Deadline, () => Connected(a) && Connected(b));

        // Let B's poll finish the round it was in: from then on it reads the database hourly, so only Redis can tell it.
        await Task.Delay(RedisOutageInstances.PollInterval * 3);
        await TwoInstances.DeleteThroughConsoleAsync(a, editor.Id, afterOutage.Id);
        await Eventually.HoldsAsync(Deadline, () => heardOnB.Any(d => d.VideoIds.Contains(afterOutage.Id)));
    }

    private static bool Connected(ConsoleServer server) => server.Services.GetRequiredService<RedisConnection>().IsConnected;
}
