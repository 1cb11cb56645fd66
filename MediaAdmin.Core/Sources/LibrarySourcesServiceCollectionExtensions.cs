using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Core.Sources.AlibabaVod.Status;
using MediaAdmin.Core.Sources.AlibabaVod.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Sources;

/// <summary>Registers the library source setting and, for the AlibabaVod source, the mirror, its syncs and callbacks, and deletion through Alibaba.</summary>
internal static class LibrarySourcesServiceCollectionExtensions
{
    public static IServiceCollection AddLibrarySources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LibrarySourceOptions>()
            .Configure(o => o.Source = LibrarySourceSetting.Read(configuration) is { IsSuccess: true } source ? source.Value : LibrarySourceKind.Local)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LibrarySourceOptions>, LibrarySourceOptionsValidator>();
        services.AddOptions<AlibabaVodSourceOptions>().Bind(configuration.GetSection(AlibabaVodSourceOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlibabaVodSourceOptions>, AlibabaVodSourceOptionsValidator>();
        services.AddSingleton<RemoteMirror>();
        services.AddVodClient();
        Deletion.Remote.RemoteDeletionRegistration.AddRemoteDeletion(services);
        AddSync(services, configuration);
        return services;
    }

    /// <summary>The Source page's service always (it answers NotFound for the local library); the sync worker only for AlibabaVod.</summary>
    private static void AddSync(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SourceSyncSignal>();
        services.AddSingleton<SourceSyncSchedule>();
        services.AddSingleton<SourceStatusService>();
        services.AddSingleton(sp => new SyncRateLimiter(
            sp.GetRequiredService<IOptions<AlibabaVodSourceOptions>>().Value.SyncRequestsPerSecond, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SourceSyncRunner>();
        if (LibrarySourceSetting.IsAlibabaVod(configuration))
        {
            services.AddHostedService<LocalAssetsGuard>();
            services.AddHostedService<SourceSyncWorker>();
        }
    }
}
