using System.Text.Json;
using MediaAdmin.Core.Deletion;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace MediaAdmin.Core.Instances;

/// <summary>
/// Carries deletions between instances over Redis pub/sub: publishes what this instance deleted and raises
/// what the others did. Messages lost while Redis is down are made up by <see cref="DeletionFeed"/>.
/// </summary>
internal sealed class RedisDeletionRelay(RedisConnection redis, DeletionNotifier notifier, ILogger<RedisDeletionRelay> logger) : IHostedService
{
    internal static readonly RedisChannel Channel = RedisChannel.Literal("mediaadmin:deletions");

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private int _subscribed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!redis.IsConfigured)
        {
            return;
        }

        notifier.DeletedHere += OnDeletedHere;
        redis.Restored += OnRestored;
        await SubscribeAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        notifier.DeletedHere -= OnDeletedHere;
        redis.Restored -= OnRestored;
        return Task.CompletedTask;
    }

    private void OnRestored() => _ = SubscribeAsync();

    private async Task SubscribeAsync()
    {
        if (redis.Multiplexer is not { IsConnected: true } multiplexer || Interlocked.Exchange(ref _subscribed, 1) == 1)
        {
            return;
        }

        try
        {
            // The library keeps a subscription across reconnects once it has been made.
            await multiplexer.GetSubscriber().SubscribeAsync(Channel, (_, message) => OnMessage(message));
        }
        catch (RedisException ex)
        {
            Interlocked.Exchange(ref _subscribed, 0);
            logger.LogWarning(ex, "Could not subscribe to Redis deletions; retrying when the connection is restored");
        }
    }

    private void OnDeletedHere(AssetsDeleted deleted) => _ = PublishAsync(deleted);

    private async Task PublishAsync(AssetsDeleted deleted)
    {
        if (redis.Multiplexer is not { } multiplexer)
        {
            return;
        }

        try
        {
            var message = new RelayedDeletion(_instance, deleted.RequestId, deleted.DeletedBy, deleted.VideoIds);
            await multiplexer.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(message));
        }
        catch (RedisException ex)
        {
            // The deletion is committed; the other instances' database poll will still find it.
            logger.LogWarning(ex, "Could not publish DeleteVideo {RequestId} on Redis", deleted.RequestId);
        }
    }

    private void OnMessage(RedisValue value)
    {
        try
        {
            var message = JsonSerializer.Deserialize<RelayedDeletion>(value.ToString());
            if (message is null || message.Instance == _instance)
            {
                return;
            }

            notifier.PublishFromElsewhere(new AssetsDeleted(message.RequestId, message.DeletedBy, message.VideoIds));
        }
#pragma warning disable CA1031 // A bad message or a failing page must not end the subscription.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Ignored a deletion message from Redis that could not be handled");
        }
    }

    private sealed record RelayedDeletion(string Instance, string RequestId, string DeletedBy, IReadOnlyList<string> VideoIds);
}
