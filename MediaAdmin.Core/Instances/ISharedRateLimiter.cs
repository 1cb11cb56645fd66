namespace MediaAdmin.Core.Instances;

/// <summary>A per-second call limit that holds across every instance sharing the database (or Redis).</summary>
public interface ISharedRateLimiter
{
    /// <summary>
    /// Takes one call for <paramref name="partition"/> (e.g. one user's DeleteVideo) from its token bucket
    /// (<see cref="RatePace.PerSecond"/>): allowed while the partition stays within <paramref name="permitsPerSecond"/>
    /// on average with bursts of up to one second's worth. A throttled call takes nothing. The call counts at
    /// <paramref name="calledAt"/>, when it reached the server: time it then spent queued for the database must not
    /// turn a caller within the rate into one above it.
    /// </summary>
    Task<RateDecision> AcquireAsync(string partition, int permitsPerSecond, DateTimeOffset calledAt, CancellationToken cancellationToken);
}
