using System.ComponentModel.DataAnnotations;

namespace MediaAdmin.Core.Cdn;

public sealed class CdnOptions
{
    public const string Section = "Cdn";

    /// <summary>The public base URL the CDN serves storage keys under; a file's URL is this plus '/' plus its key.</summary>
    [Required(AllowEmptyStrings = false)]
    [Url]
    public string BaseUrl { get; set; } = "http://localhost:5080/cdn";

    /// <summary>Where operators refresh (purge) CDN caches; the console links there after a delete.</summary>
    [Required(AllowEmptyStrings = false)]
    [Url]
    public string RefreshConsoleUrl { get; set; } = "https://vod.console.aliyun.com/#/refresh";

    public string UrlFor(Storage.StorageKey key) => BaseUrl.TrimEnd('/') + "/" + key.Value;
}
