using MediaAdmin.Core.Cdn.Purge.AlibabaVod;
using MediaAdmin.Core.Cdn.Purge.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>Registers CDN purging: its settings, the page's services, and, unless Provider is None, the provider and the worker.</summary>
internal static class CdnPurgeServiceCollectionExtensions
{
    public static IServiceCollection AddCdnPurge(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CdnPurgeOptions>().Bind(configuration.GetSection(CdnPurgeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<CdnPurgeOptions>, CdnPurgeOptionsValidator>();
        services.AddSingleton<IValidateOptions<CdnPurgeOptions>, CdnPurgeSourceValidator>();
        services.AddSingleton<CdnPurgeNotifier>();
        services.AddSingleton<CdnPurgeSignal>();
        services.AddSingleton<CdnPurgeKeyCapture>();
        services.AddSingleton<CdnPurgeService>();
        services.AddSingleton<CdnPurgeQueries>();
        services.AddAlibabaVodPurge(configuration);

        // Read here because the provider decides what is registered; a value naming no provider registers
        // nothing and is refused by the validator when the host starts.
        var provider = new CdnPurgeOptions { Provider = configuration[$"{CdnPurgeOptions.Section}:{nameof(CdnPurgeOptions.Provider)}"] ?? "" }.ProviderKind;
        switch (provider)
        {
            case CdnPurgeProviderKind.Http:
                services.AddHttpClient(HttpCdnPurgeProvider.ClientName);
                services.AddSingleton<ICdnPurgeProvider, HttpCdnPurgeProvider>();
                break;
            case CdnPurgeProviderKind.AlibabaVod:
                services.AddSingleton<ICdnPurgeProvider>(sp => sp.GetRequiredService<AlibabaVodPurgeProvider>());
                break;
            default:
                // None: reminders and links only, no purge job runs.
                return services;
        }

        services.AddHttpClient(CdnPurgeProbe.ClientName).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        services.AddSingleton<CdnPurgeProbe>();
        services.AddSingleton<CdnPurgeVerifier>();
        services.AddSingleton<CdnPurgeRunner>();
        services.AddHostedService<CdnPurgeWorker>();
        return services;
    }
}
