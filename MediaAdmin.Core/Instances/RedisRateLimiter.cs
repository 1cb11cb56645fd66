using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace MediaAdmin.Core.Instances;

/// <summary>
/// Counts calls in Redis (INCR and EXPIRE in one script, so a key never outlives its window by more than
/// seconds); while Redis is down the database counts instead, and a call is never refused for Redis being away.
/// </summary>
internal sealed class RedisRateLimiter(
    RedisConnection redis,
    DatabaseRateLimiter fallback,
    [FromKeyedServices(RateWindows.ClockKey)] TimeProvider clock,
    ILogger<RedisRateLimiter> logger) : ISharedRateLimiter
{
    private const string CountScript = """
        local calls = redis.call('INCR', KEYS[1])
        if calls == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
        return calls
        """;

    private static readonly RedisValue[] ExpirySeconds = [10];

    public async Task<RateDecision> AcquireAsync(string partition, int permitsPerSecond, CancellationToken cancellationToken)
    {
        if (redis.Multiplexer is { IsConnected: true } multiplexer)
        {
            var key = new RedisKey(string.Create(CultureInfo.InvariantCulture, $"mediaadmin:rate:{partition}:{RateWindows.Current(clock)}"));
            try
            {
                var calls = (long)await multiplexer.GetDatabase().ScriptEvaluateAsync(CountScript, [key], ExpirySeconds);
                return calls <= permitsPerSecond ? RateDecision.Allowed : RateDecision.Throttled;
            }
            catch (RedisException ex)
            {
                logger.LogWarning(ex, "Redis could not count a call of {Partition}; the database counts it", partition);
            }
        }

        // For the seconds around an outage the two counts are apart, so a window may allow up to twice its rate.
        return await fallback.AcquireAsync(partition, permitsPerSecond, cancellationToken);
    }
}
