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
internal sealed class RedisDeletionRelay(RedisConnection redis, DeletionNotifier notifier, ILogger<RedisDeletionRelay> logger) : BackgroundService
{
    internal static readonly RedisChannel Channel = RedisChannel.Literal("mediaadmin:deletions");

    private static readonly TimeSpan SubscribeRetry = TimeSpan.FromSeconds(1);

    private readonly string _instance = Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!redis.IsConfigured)
        {
            return;
        }

        notifier.DeletedHere += OnDeletedHere;
        try
        {
            // Redis may be down at start-up; the library keeps a subscription across reconnects once one is made.
            while (!await TrySubscribeAsync())
            {
                await Task.Delay(SubscribeRetry, stoppingToken);
            }

            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            notifier.DeletedHere -= OnDeletedHere;
        }
    }

    private async Task<bool> TrySubscribeAsync()
    {
        if (redis.Multiplexer is not { IsConnected: true } multiplexer)
        {
            return false;
        }

        try
        {
            await multiplexer.GetSubscriber().SubscribeAsync(Channel, (_, message) => OnMessage(message));
            return true;
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Could not subscribe to Redis deletions; retrying");
            return false;
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
