using MediaAdmin.Core.AlibabaVod;

namespace MediaAdmin.Core.Cdn.Purge.AlibabaVod;

/// <summary>
/// <c>Cdn:Purge:AlibabaVod</c>: the ApsaraVideo VOD account whose CDN refresh API purges deleted assets, and how.
/// The AccessKey comes from configuration or the environment (<c>Cdn__Purge__AlibabaVod__AccessKeySecret</c>) only;
/// checked at start-up when <c>Cdn:Purge:Provider</c> is <c>AlibabaVod</c> (see <see cref="AlibabaVodPurgeOptionsValidator"/>).
/// </summary>
public sealed class AlibabaVodPurgeOptions
{
    public const string Section = "Cdn:Purge:AlibabaVod";

    /// <summary>The largest per-call limits Alibaba CDN (which serves VOD's domains) documents: 1,000 URLs or 100 directories.</summary>
    public const int MaxUrlsPerCall = 1000;

    public const int MaxDirectoriesPerCall = 100;

    /// <summary>VOD's refresh API; it is served only in China (Shanghai). Any absolute URL, so tests can use loopback.</summary>
    public string Endpoint { get; set; } = "https://vod.cn-shanghai.aliyuncs.com";

    public string RegionId { get; set; } = "cn-shanghai";

    public string? AccessKeyId { get; set; }

    public string? AccessKeySecret { get; set; }

    /// <summary>
    /// True (the default): one Directory refresh per asset folder, which covers every HLS segment, snapshot and
    /// rendition for one of the 100 directory refreshes a day. False: one URL refresh per file (2,000 a day).
    /// </summary>
    public bool PurgeFolders { get; set; } = true;

    /// <summary>URLs sent in one RefreshVodObjectCaches call; 100 stays inside every limit Alibaba has published.</summary>
    public int UrlsPerCall { get; set; } = 100;

    /// <summary>Directories sent in one RefreshVodObjectCaches call.</summary>
    public int DirectoriesPerCall { get; set; } = MaxDirectoriesPerCall;

    internal VodAccount Account() => new(new Uri(Endpoint), RegionId, AccessKeyId ?? "", AccessKeySecret ?? "");
}
