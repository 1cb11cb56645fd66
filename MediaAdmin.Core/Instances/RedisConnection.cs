using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MediaAdmin.Core.Instances;

/// <summary>
/// The one Redis connection of this instance, opened at start-up when Notifications:Redis is set. A Redis
/// that is down never stops start-up or a request: the connection keeps retrying in the background, and
/// whoever uses it asks <see cref="IsConnected"/> and falls back to the database meanwhile.
/// </summary>
public sealed class RedisConnection(IOptions<NotificationOptions> options, ILogger<RedisConnection> logger) : IHostedService, IAsyncDisposable
{
    private ConnectionMultiplexer? _multiplexer;

    /// <summary>True when Notifications:Redis is set, whether or not Redis answers right now.</summary>
    public bool IsConfigured => options.Value.UsesRedis;

    public bool IsConnected => _multiplexer?.IsConnected == true;

    /// <summary>The connection, or null when Redis is not configured or the first attempt has not ended yet.</summary>
    public IConnectionMultiplexer? Multiplexer => _multiplexer;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            return;
        }

        var configuration = ConfigurationOptions.Parse(options.Value.Redis!);
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "MediaAdmin";

        // Fail at once while disconnected instead of queueing: the database fallback does the work meanwhile.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
        multiplexer.ConnectionFailed += (_, e) => logger.LogWarning(
            e.Exception, "Redis connection to {EndPoint} lost ({FailureType}); deletions and rate limits go through the database until it is back", e.EndPoint, e.FailureType);
        multiplexer.ConnectionRestored += (_, e) => logger.LogInformation("Redis connection to {EndPoint} restored", e.EndPoint);
        if (!multiplexer.IsConnected)
        {
            logger.LogWarning("Redis at {Redis} does not answer; working through the database and retrying in the background", Safe(configuration));
        }

        _multiplexer = multiplexer;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync();
        }
    }

    private static string Safe(ConfigurationOptions configuration) => string.Join(",", configuration.EndPoints.Select(e => e.ToString()));
}
