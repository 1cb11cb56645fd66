namespace MediaAdmin.Core.Instances;

/// <summary>
/// A per-second limit as a token bucket: a call every <see cref="IntervalMicroseconds"/> on average, with a
/// burst of one second's worth of calls, so calls that reach the limit bunched (after a pause in a queue, a
/// garbage collection, a slow network) are not refused while the partition stays within its rate.
/// </summary>
public readonly record struct RatePace(long IntervalMicroseconds, long ToleranceMicroseconds)
{
    private const long MicrosecondsPerSecond = 1_000_000;

    /// <summary>
    /// The service key of the clock that stamps when a limited call arrived: the system clock unless a host
    /// registers its own first, which is how tests pin a burst to one instant whatever the wall clock does.
    /// </summary>
    public const string ClockKey = "MediaAdmin.RatePace";

    /// <summary><paramref name="permitsPerSecond"/> sustained, at most that many at once after a second's pause.</summary>
    /// <remarks>
    /// The tolerance has half an interval of slack. Calls are stamped when they arrive but may reach the bucket out of
    /// that order, a few milliseconds apart; then a later stamp moves the bucket first, and the last call of a burst
    /// within the limit was refused by the difference. Less than an interval of slack never lets a burst have one more call.
    /// </remarks>
    public static RatePace PerSecond(int permitsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitsPerSecond);
        var interval = MicrosecondsPerSecond / permitsPerSecond;
        return new RatePace(interval, interval * (permitsPerSecond - 1) + interval / 2);
    }

    /// <summary><paramref name="time"/> in the unit buckets keep (microseconds since the Unix epoch: exact in Redis's Lua numbers too).</summary>
    public static long Microseconds(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;
}
