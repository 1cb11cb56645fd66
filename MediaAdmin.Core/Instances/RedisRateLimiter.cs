using System.Globalization;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace MediaAdmin.Core.Instances;

/// <summary>
/// Keeps each partition's token bucket in Redis (read, decide and write in one script, the key expiring once
/// the bucket is full again); while Redis is down the database keeps it instead, and a call is never refused
/// for Redis being away.
/// </summary>
internal sealed class RedisRateLimiter(
    RedisConnection redis,
    DatabaseRateLimiter fallback,
    ILogger<RedisRateLimiter> logger) : ISharedRateLimiter
{
    // ARGV: now, interval, tolerance (microseconds). '%.0f': Lua's default number format would round the time.
    private const string TakeScript = """
        local now = tonumber(ARGV[1])
        local nextFree = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), now)
        if nextFree - now > tonumber(ARGV[3]) then return 0 end
        nextFree = nextFree + tonumber(ARGV[2])
        redis.call('SET', KEYS[1], string.format('%.0f', nextFree), 'PX', math.ceil((nextFree - now) / 1000) + 1000)
        return 1
        """;

    public async Task<RateDecision> AcquireAsync(string partition, int permitsPerSecond, DateTimeOffset calledAt, CancellationToken cancellationToken)
    {
        if (redis.Multiplexer is { IsConnected: true } multiplexer)
        {
            var pace = RatePace.PerSecond(permitsPerSecond);
            var key = new RedisKey(string.Create(CultureInfo.InvariantCulture, $"mediaadmin:rate:{partition}"));
            try
            {
                var taken = (long)await multiplexer.GetDatabase().ScriptEvaluateAsync(
                    TakeScript, [key], [RatePace.Microseconds(calledAt), pace.IntervalMicroseconds, pace.ToleranceMicroseconds]);
                return taken == 1 ? RateDecision.Allowed : RateDecision.Throttled;
            }
            catch (RedisException ex)
            {
                logger.LogWarning(ex, "Redis could not count a call of {Partition}; the database counts it", partition);
            }
        }

        // For the seconds around an outage the two buckets are apart, so a partition may get up to twice its burst.
        return await fallback.AcquireAsync(partition, permitsPerSecond, calledAt, cancellationToken);
    }
}
