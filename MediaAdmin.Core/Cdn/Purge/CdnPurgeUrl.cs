namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// One URL of a deletion's purge: a file or an asset folder, whether the CDN accepted its purge, and for
/// sampled files what the public URL answered last. Written by the worker, never in the deletion's transaction.
/// </summary>
public sealed class CdnPurgeUrl
{
    public long Id { get; set; }

    public long InvalidationId { get; set; }

    public required string VideoId { get; set; }

    public required string Url { get; set; }

    /// <summary>An asset's folder (a prefix purged at once), not a file.</summary>
    public bool IsFolder { get; set; }

    /// <summary>Whether the verification probe asks this URL: every playlist, MP4 and snapshot, and a sample of segments.</summary>
    public bool Probed { get; set; }

    /// <summary>True once the CDN took the purge, false when it refused it, null while not sent.</summary>
    public bool? Accepted { get; set; }

    public string? Error { get; set; }

    /// <summary>The HTTP status the public URL answered last; null before a probe or when it did not answer.</summary>
    public int? ProbeStatus { get; set; }

    public string? ProbeError { get; set; }

    public DateTime? ProbedAtUtc { get; set; }
}
