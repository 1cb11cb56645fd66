using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Cdn.UrlAuth;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Cdn.UrlAuth;

internal static class Signers
{
    /// <summary>The key of Alibaba's published type A example.</summary>
    public const string AlibabaExampleKey = "aliyuncdnexp1234";

    public static CdnUrlSigner Create(TimeProvider clock, string? privateKey = AlibabaExampleKey, TimeSpan? lifetime = null, string baseUrl = "https://cdn.example.test/vod") =>
        new(
            Options.Create(new UrlAuthOptions { PrivateKey = privateKey, Lifetime = lifetime ?? TimeSpan.FromMinutes(30) }),
            Options.Create(new CdnOptions { BaseUrl = baseUrl }),
            clock);
}
