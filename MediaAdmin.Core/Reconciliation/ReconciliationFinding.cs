namespace MediaAdmin.Core.Reconciliation;

/// <summary>One thing a run found: an orphan file in storage, or a file of a live asset that storage lacks.</summary>
public sealed class ReconciliationFinding
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public FindingKind Kind { get; set; }

    public required string StorageKey { get; set; }

    /// <summary>The asset the file belongs to (missing files), or whose prefix it lies under (orphans), when known.</summary>
    public string? AssetId { get; set; }

    /// <summary>When the orphan was last written, as storage tells it; null for missing files.</summary>
    public DateTime? LastModifiedUtc { get; set; }

    public FindingOutcome Outcome { get; set; }

    /// <summary>Why an orphan could not be removed, when it could not.</summary>
    public string? Error { get; set; }
}
