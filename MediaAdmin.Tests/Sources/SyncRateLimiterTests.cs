using MediaAdmin.Core.Sources.AlibabaVod.Sync;
using MediaAdmin.Tests.Cdn.UrlAuth;

namespace MediaAdmin.Tests.Sources;

public sealed class SyncRateLimiterTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(50)]
    public void Calls_asked_for_at_once_are_spaced_so_that_no_second_holds_more_than_the_rate(int perSecond)
    {
        var limiter = new SyncRateLimiter(perSecond, _clock);
        var start = _clock.GetUtcNow();

        var slots = Enumerable.Range(0, perSecond * 3).Select(_ => start + limiter.Reserve()).ToList();

        Assert.Equal(start, slots[0]);
        foreach (var slot in slots)
        {
            Assert.True(slots.Count(s => s >= slot && s < slot + TimeSpan.FromSeconds(1)) <= perSecond);
        }

        Assert.Equal(TimeSpan.FromSeconds(3) - TimeSpan.FromSeconds(1.0 / perSecond), slots[^1] - start);
    }

    [Fact]
    public void Time_spent_idle_is_not_saved_up_for_a_burst_later()
    {
        var limiter = new SyncRateLimiter(10, _clock);
        limiter.Reserve();

        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.Zero, limiter.Reserve());
        Assert.Equal(TimeSpan.FromMilliseconds(100), limiter.Reserve());
        Assert.Equal(TimeSpan.FromMilliseconds(200), limiter.Reserve());
    }

    [Fact]
    public void A_caller_that_waited_for_its_slot_finds_the_next_one_an_interval_later()
    {
        var limiter = new SyncRateLimiter(10, _clock);
        limiter.Reserve();
        var wait = limiter.Reserve();

        _clock.Advance(wait);

        Assert.Equal(TimeSpan.FromMilliseconds(100), limiter.Reserve());
    }
}
