using MediaAdmin.Core.Deletion;

namespace MediaAdmin.Core.Audit;

/// <summary>One audit record with its outcome per ID, as the audit page shows it.</summary>
public sealed record AuditLine(
    string RequestId, DateTime CreatedAtUtc, string UserName, DeletionChannel Channel, string? AccessKeyId, string? RemoteAddress,
    string RequestedIds, string? ErrorCode, IReadOnlyList<AuditLineEntry> Entries)
{
    /// <summary>With the AlibabaVod source: the RequestId of the DeleteVideo call Alibaba answered.</summary>
    public string? RemoteRequestId { get; init; }

    /// <summary>When a person marked this deletion's CDN reminder done: who, when and why; null otherwise.</summary>
    public AuditCdnMarkDone? CdnMarkDone { get; init; }
}

/// <summary>What became of one ID a deletion asked for.</summary>
public sealed record AuditLineEntry(string VideoId, DeletionOutcome Outcome, string? Title, string? Reason);
