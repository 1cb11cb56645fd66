namespace MediaAdmin.Core.Ingest;

/// <summary>
/// One asset's transcoding, queued durably in the database. A worker leases the job while it runs;
/// a job whose lease ran out (its process died) is taken again by the next free worker. The row
/// outlives its asset, as the record of what became of the job.
/// </summary>
public sealed class IngestJob
{
    public const int ErrorMaxLength = 1024;

    public long Id { get; set; }

    public required string AssetId { get; set; }

    public IngestJobState State { get; set; }

    /// <summary>From 0 to 1, written at most about once a second while the job runs.</summary>
    public double Progress { get; set; }

    /// <summary>How many times a worker has taken the job.</summary>
    public int Attempts { get; set; }

    /// <summary>Until when the worker running the job holds it; for a queued job, the earliest time it may run again.</summary>
    public DateTime? LeasedUntilUtc { get; set; }

    /// <summary>Why the last attempt failed, or why the job ended as it did.</summary>
    public string? Error { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }
}
