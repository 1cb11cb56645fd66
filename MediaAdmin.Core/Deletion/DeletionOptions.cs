using System.ComponentModel.DataAnnotations;

namespace MediaAdmin.Core.Deletion;

public sealed class DeletionOptions
{
    public const string Section = "Deletion";

    /// <summary>
    /// How often the background worker looks for files still to be removed; a deletion in this process wakes
    /// it at once, so this matters for deletions made on another instance and for retries.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan WorkerPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait before the first retry of a failed file removal; doubled after each failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long an asset's removal taken by one worker is left to it before a worker (of this or another
    /// instance) takes it over: after a crash, the next run finishes the removal once this has passed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RemovalLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Files handed to storage in one call, and after which the progress is saved.</summary>
    [Range(1, 10_000)]
    public int WorkerBatchSize { get; set; } = 500;
}
