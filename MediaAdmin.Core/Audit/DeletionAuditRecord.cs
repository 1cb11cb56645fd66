namespace MediaAdmin.Core.Audit;

/// <summary>One record per DeleteVideo call, successful or not: who, when, from where, what was asked, what happened.</summary>
public sealed class DeletionAuditRecord
{
    public const int RequestedIdsMaxLength = 4000;

    public long Id { get; set; }

    public required string RequestId { get; set; }

    public required string UserId { get; set; }

    public required string UserName { get; set; }

    public DeletionChannel Channel { get; set; }

    public string? AccessKeyId { get; set; }

    public string? RemoteAddress { get; set; }

    /// <summary>With the AlibabaVod source: the RequestId of the DeleteVideo call sent to Alibaba, to quote to its support.</summary>
    public string? RemoteRequestId { get; set; }

    /// <summary>The VideoIds parameter as received, cut to <see cref="RequestedIdsMaxLength"/> characters.</summary>
    public required string RequestedIds { get; set; }

    /// <summary>
    /// For a deletion recorded after its request ended (through Alibaba, its outcome unknown then; see
    /// <see cref="Deletion.Remote.LateRemoteDeletions"/>): that request's ID. Null for every other record.
    /// </summary>
    public string? OriginalRequestId { get; set; }

    /// <summary>The request-level error code, or null when the request was carried out.</summary>
    public string? ErrorCode { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<DeletionAuditEntry> Entries { get; set; } = [];
}

/// <summary>The outcome for one of the IDs of a request.</summary>
public sealed class DeletionAuditEntry
{
    public const int VideoIdMaxLength = 64;

    public long Id { get; set; }

    public long AuditRecordId { get; set; }

    public required string VideoId { get; set; }

    public Deletion.DeletionOutcome Outcome { get; set; }

    public string? Title { get; set; }

    public string? Reason { get; set; }
}

public enum DeletionChannel
{
    Console = 0,
    Api = 1,
    Cli = 2,
}
