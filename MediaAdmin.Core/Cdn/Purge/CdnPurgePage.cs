namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// A page of deletions, newest first, with the total that match, the configured provider (None: reminders and
/// links only), whether purging is automatic, whether the caller may purge and retry (never with Provider None), and
/// whether they may mark a deletion done (a delete permission, with or without a provider).
/// </summary>
public sealed record CdnPurgePage(
    IReadOnlyList<CdnPurgeSummary> Items,
    int Total,
    int Page,
    int PageSize,
    CdnPurgeProviderKind Provider,
    bool Automatic,
    bool CanPurge,
    bool CanMarkDone);
