using MediaAdmin.Core.AlibabaVod;

namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>
/// <c>AlibabaVod</c>: the ApsaraVideo VOD account the console fronts when <c>Library:Source</c> is <c>AlibabaVod</c>.
/// The AccessKey comes from configuration or the environment (<c>AlibabaVod__AccessKeySecret</c>) only, is never
/// stored in the database, never logged and never shown; checked at start-up by <see cref="AlibabaVodSourceOptionsValidator"/>.
/// </summary>
public sealed class AlibabaVodSourceOptions
{
    public const string Section = "AlibabaVod";

    /// <summary>Alibaba allows 50 SearchMedia calls a second per account; other tools share that.</summary>
    public const int MaxSyncRequestsPerSecond = 50;

    /// <summary>The VOD endpoint of the account's region; any absolute http(s) URL, so tests can point it at loopback.</summary>
    public string? Endpoint { get; set; }

    public string? RegionId { get; set; }

    public string? AccessKeyId { get; set; }

    public string? AccessKeySecret { get; set; }

    /// <summary>The callback authentication key set in the VOD console's event notification settings.</summary>
    public string? CallbackPrivateKey { get; set; }

    /// <summary>
    /// The callback URL exactly as configured in the VOD console, which Alibaba signs; empty: the URL the callback
    /// reached, as the forwarded headers tell it.
    /// </summary>
    public string? CallbackUrl { get; set; }

    /// <summary>SearchMedia calls a second a sync may make.</summary>
    public int SyncRequestsPerSecond { get; set; } = 10;

    /// <summary>How often the mirror asks for assets changed since the last sync.</summary>
    public TimeSpan IncrementalSyncInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a full traversal checks the whole mirror (removals missed by callbacks included); zero: only on "Sync now".</summary>
    public TimeSpan FullSyncInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How far back a callback's X-VOD-TIMESTAMP may lie, so a captured callback cannot be replayed later.</summary>
    public TimeSpan CallbackMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a callback may wait for GetVideoInfos before it is answered 503: Alibaba counts an answer slower than
    /// 5 seconds as failed and sends the callback again 1 second later, twice.
    /// </summary>
    public TimeSpan CallbackApplyTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Days a received callback and a finished sync run are kept for the Source page before they are pruned.</summary>
    public int HistoryRetentionDays { get; set; } = 30;

    public VodAccount Account() => new(new Uri(Endpoint!), RegionId ?? "", AccessKeyId ?? "", AccessKeySecret ?? "");
}
