using System.ComponentModel.DataAnnotations;

namespace MediaAdmin.Core.AlibabaVod;

/// <summary>How patiently the VOD client waits and retries (<c>AlibabaVod:Resilience</c>); the defaults suit Alibaba's public endpoints.</summary>
public sealed class VodResilienceOptions
{
    public const string Section = "AlibabaVod:Resilience";

    /// <summary>How long one attempt may take before it counts as failed and is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt, on Throttling*, 5xx, timeouts and connection failures.</summary>
    [Range(1, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first back-off; each retry doubles it, with jitter so many callers do not retry in step.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long calls to an endpoint pause once most recent calls to it failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
