namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// A page of deletions, newest first, with the total that match, the configured provider (None: reminders and
/// links only), whether purging is automatic, and whether the caller may purge, retry and mark done.
/// </summary>
public sealed record CdnPurgePage(
    IReadOnlyList<CdnPurgeSummary> Items,
    int Total,
    int Page,
    int PageSize,
    CdnPurgeProviderKind Provider,
    bool Automatic,
    bool CanPurge);
