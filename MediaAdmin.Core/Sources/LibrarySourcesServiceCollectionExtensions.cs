using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Sources;

/// <summary>Registers the library source setting and, for the AlibabaVod source, the mirror, its syncs and callbacks, and deletion through Alibaba.</summary>
internal static class LibrarySourcesServiceCollectionExtensions
{
    public static IServiceCollection AddLibrarySources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LibrarySourceOptions>().Bind(configuration.GetSection(LibrarySourceOptions.Section)).ValidateOnStart();
        services.AddOptions<AlibabaVodSourceOptions>().Bind(configuration.GetSection(AlibabaVodSourceOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlibabaVodSourceOptions>, AlibabaVodSourceOptionsValidator>();
        services.AddSingleton<RemoteMirror>();
        services.AddVodClient();
        Deletion.Remote.RemoteDeletionRegistration.AddRemoteDeletion(services);
        return services;
    }
}
