using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.UrlAuth;

internal static class UrlAuthServiceCollectionExtensions
{
    /// <summary>Cdn:UrlAuth, validated at start-up, the signer and the /cdn access check.</summary>
    public static IServiceCollection AddCdnUrlAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UrlAuthOptions>().Bind(configuration.GetSection(UrlAuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UrlAuthOptions>, UrlAuthOptionsValidator>();
        services.AddSingleton<CdnUrlSigner>();
        services.AddSingleton<CdnFileAccess>();
        return services;
    }
}
