namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>The values of <c>Cdn:Purge:Provider</c>.</summary>
public enum CdnPurgeProviderKind
{
    /// <summary>No purging: reminders and links to the vendor's refresh page only.</summary>
    None = 0,

    /// <summary>PURGE per URL (or one BAN per asset prefix) sent to an edge such as Varnish or Fastly.</summary>
    Http = 1,

    /// <summary>ApsaraVideo VOD's RefreshVodObjectCaches, within its daily quotas.</summary>
    AlibabaVod = 2,
}
