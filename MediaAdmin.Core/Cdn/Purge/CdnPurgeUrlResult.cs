namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// One URL of a deletion's purge: accepted or refused by the CDN (null: not sent yet), and for probed URLs the
/// status the public URL answered last (404 or 410: gone from the edge).
/// </summary>
public sealed record CdnPurgeUrlResult(
    string VideoId,
    string Url,
    bool IsFolder,
    bool Probed,
    bool? Accepted,
    string? Error,
    int? ProbeStatus,
    string? ProbeError,
    DateTime? ProbedAtUtc);
