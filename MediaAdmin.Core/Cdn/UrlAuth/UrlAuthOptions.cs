namespace MediaAdmin.Core.Cdn.UrlAuth;

/// <summary>
/// URL authentication for stored files (Alibaba CDN and ApsaraVideo VOD's type A): with a private key set,
/// /cdn serves only URLs signed with it, and the console and the VOD API hand out signed URLs.
/// </summary>
public sealed class UrlAuthOptions
{
    public const string Section = "Cdn:UrlAuth";

    /// <summary>The key shared with the CDN domain's URL signing; unset turns URL authentication off.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>How long a signed URL stays valid after it was issued: the CDN's "validity period" of the same key.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(30);

    public bool IsEnabled => PrivateKey is not null;
}
