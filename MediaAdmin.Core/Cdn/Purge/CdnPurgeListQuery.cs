namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>Which deletions the CDN refresh page lists: optionally one state, optionally only open reminders, a page of them.</summary>
public sealed record CdnPurgeListQuery(CdnPurgeState? State = null, bool OpenOnly = false, int Page = 0, int PageSize = 50);
