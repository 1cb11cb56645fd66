using System.ComponentModel.DataAnnotations;

namespace MediaAdmin.Core.Deletion;

public sealed class DeletionOptions
{
    public const string Section = "Deletion";

    /// <summary>How often the background worker looks for files still to be removed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan WorkerPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait before the first retry of a failed file removal; doubled after each failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Files are normally removed by the request that deleted their asset; the worker leaves a fresh
    /// record alone this long so it does not race that request.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FreshRecordGrace { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1, 10_000)]
    public int WorkerBatchSize { get; set; } = 500;
}
