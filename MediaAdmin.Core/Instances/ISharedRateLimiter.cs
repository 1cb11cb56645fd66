namespace MediaAdmin.Core.Instances;

/// <summary>A per-second call limit that holds across every instance sharing the database (or Redis).</summary>
public interface ISharedRateLimiter
{
    /// <summary>
    /// Counts one call for <paramref name="partition"/> (e.g. one user's DeleteVideo) in the current one-second
    /// window and says whether it is within <paramref name="permitsPerSecond"/>. A throttled call counts too.
    /// </summary>
    Task<RateDecision> AcquireAsync(string partition, int permitsPerSecond, CancellationToken cancellationToken);
}
