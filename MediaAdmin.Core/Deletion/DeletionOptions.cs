using System.ComponentModel.DataAnnotations;

namespace MediaAdmin.Core.Deletion;

/// <summary>Settings of the background removal of deleted assets' files (section "Deletion").</summary>
public sealed class DeletionOptions
{
    public const string Section = "Deletion";

    /// <summary>The assets whose files one worker removes at once unless configured otherwise.</summary>
    public const int DefaultRemovalConcurrency = 4;

    /// <summary>
    /// How often the background worker looks for files still to be removed; a deletion in this process wakes
    /// it at once, so this matters for deletions made on another instance and for retries.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Deletion:WorkerPollInterval must be between 10 milliseconds and 1 hour.")]
    public TimeSpan WorkerPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait before the first retry of a failed file removal; doubled after each failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Deletion:RetryBaseDelay must be between 0 and 1 hour.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between two retries of a failed file removal.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Deletion:RetryMaxDelay must be between 0 and 1 day.")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long an asset's removal taken by one worker is left to it before a worker (of this or another
    /// instance) takes it over: after a crash, the next run finishes the removal once this has passed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Deletion:RemovalLease must be between 0 and 1 hour.")]
    public TimeSpan RemovalLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Files handed to storage in one call.</summary>
    [Range(1, 10_000, ErrorMessage = "Deletion:WorkerBatchSize must be between 1 and 10000.")]
    public int WorkerBatchSize { get; set; } = 500;

    /// <summary>
    /// How many deleted assets' prefixes one worker empties at once: the database work of one (its claim, its
    /// progress, its file rows) then overlaps the file removals of the others. Each is one storage caller
    /// (on blob storage each of them deletes with the provider's own concurrency).
    /// </summary>
    [Range(1, 32, ErrorMessage = "Deletion:RemovalConcurrency must be between 1 and 32.")]
    public int RemovalConcurrency { get; set; } = DefaultRemovalConcurrency;
}
