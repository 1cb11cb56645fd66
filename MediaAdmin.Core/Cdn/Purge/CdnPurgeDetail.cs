namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// One deletion's purge in full: its summary, every URL with its result, the provider's task IDs, the quota the
/// provider has left today (null with Provider=None, or with <see cref="QuotaError"/> when the provider did not say),
/// and what the caller may do.
/// </summary>
public sealed record CdnPurgeDetail(
    CdnPurgeSummary Summary,
    IReadOnlyList<CdnPurgeUrlResult> Urls,
    IReadOnlyList<string> TaskIds,
    CdnPurgeProviderKind Provider,
    CdnPurgeQuota? Quota,
    string? QuotaError,
    bool CanPurge,
    bool CanMarkDone);
