using MediaAdmin.Core.AlibabaVod;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.Purge.AlibabaVod;

/// <summary>
/// Registers the AlibabaVod purge provider, its settings (checked at start-up when it is the chosen provider) and the
/// VOD client. The provider switch over <c>Cdn:Purge:Provider</c> resolves <see cref="AlibabaVodPurgeProvider"/>.
/// </summary>
internal static class AlibabaVodPurgeRegistration
{
    public static IServiceCollection AddAlibabaVodPurge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlibabaVodPurgeOptions>().Bind(configuration.GetSection(AlibabaVodPurgeOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlibabaVodPurgeOptions>>(new AlibabaVodPurgeOptionsValidator(configuration));
        services.AddVodClient();
        services.AddSingleton<AlibabaVodPurgeProvider>();
        return services;
    }
}
