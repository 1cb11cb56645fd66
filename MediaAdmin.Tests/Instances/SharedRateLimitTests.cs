using MediaAdmin.Core.Instances;
using MediaAdmin.Tests.Cdn.UrlAuth;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Instances;

/// <summary>
/// The per-user limit as a token bucket, on the database and on Redis, for calls stamped by a clock the test moves: calls that
/// reach the limit bunched are not refused while the user stays within the rate; a user past it is refused the excess.
/// </summary>
public sealed class SharedRateLimitTests : IAsyncLifetime
{
    private const int PerSecond = 30;

    private readonly TempFolder _folder = new();
    private readonly RedisServer _redis = new();
    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_500));

    public Task InitializeAsync() => _redis.StartAsync();

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_user_at_25_a_second_whose_calls_arrive_bunched_after_stalls_is_never_throttled(bool redis)
    {
        await using var host = await StartAsync(redis);
        var limiter = host.Services.GetRequiredService<ISharedRateLimiter>();
        var decisions = new List<RateDecision>();

        // Each round: a one-second stall, the 25 calls it held back at once, then 25 more over the next second.
        for (var round = 0; round < 5; round++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            decisions.AddRange(await TakeAsync(limiter, 25, TimeSpan.Zero));
            decisions.AddRange(await TakeAsync(limiter, 25, TimeSpan.FromMilliseconds(40)));
        }

        Assert.Equal(250, decisions.Count(d => d == RateDecision.Allowed));
        Assert.Equal(!redis, await KeptInDatabaseAsync(host));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_user_calling_40_a_second_for_ten_seconds_gets_only_a_burst_and_thirty_a_second_through(bool redis)
    {
        await using var host = await StartAsync(redis);
        var limiter = host.Services.GetRequiredService<ISharedRateLimiter>();

        var decisions = await TakeAsync(limiter, 400, TimeSpan.FromMilliseconds(25));

        // The full bucket (30) plus 30 a second over the 9.975 s the calls span; the rest is refused.
        Assert.Equal(329, decisions.Count(d => d == RateDecision.Allowed));
        Assert.All(decisions.Take(PerSecond), d => Assert.Equal(RateDecision.Allowed, d));
        Assert.Equal(!redis, await KeptInDatabaseAsync(host));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_burst_of_the_limit_reaching_the_bucket_in_reverse_arrival_order_is_all_allowed_and_one_more_call_is_not(bool redis)
    {
        await using var host = await StartAsync(redis);
        var limiter = host.Services.GetRequiredService<ISharedRateLimiter>();
        var arrivedAt = _clock.GetUtcNow();

        // 30 calls that arrived 0.3 ms apart, handled last-come first, as a busy server may.
        var decisions = new List<RateDecision>();
        for (var i = PerSecond - 1; i >= 0; i--)
        {
            decisions.Add(await limiter.AcquireAsync("DeleteVideo:user", PerSecond, arrivedAt.AddMicroseconds(300 * i), CancellationToken.None));
        }

        var oneMore = await limiter.AcquireAsync("DeleteVideo:user", PerSecond, arrivedAt.AddMilliseconds(9), CancellationToken.None);

        Assert.All(decisions, d => Assert.Equal(RateDecision.Allowed, d));
        Assert.Equal(RateDecision.Throttled, oneMore);
    }

    private static async Task<bool> KeptInDatabaseAsync(CoreHost host)
    {
        await using var db = await host.OpenDbAsync();
        return await db.Set<RateAllowance>().AnyAsync();
    }

    private async Task<List<RateDecision>> TakeAsync(ISharedRateLimiter limiter, int calls, TimeSpan apart)
    {
        var decisions = new List<RateDecision>();
        for (var i = 0; i < calls; i++)
        {
            if (i > 0)
            {
                _clock.Advance(apart);
            }

            decisions.Add(await limiter.AcquireAsync("DeleteVideo:user", PerSecond, _clock.GetUtcNow(), CancellationToken.None));
        }

        return decisions;
    }

    private async Task<CoreHost> StartAsync(bool redis)
    {
        var host = await CoreHost.StartAsync(
            _folder.Path,
            configure: null,
            redis ? new Dictionary<string, string?> { ["Notifications:Redis"] = _redis.Configuration } : null);
        if (redis)
        {
            await Eventually.HoldsAsync(TimeSpan.FromSeconds(30), () => host.Services.GetRequiredService<RedisConnection>().IsConnected);
        }

        return host;
    }
}
