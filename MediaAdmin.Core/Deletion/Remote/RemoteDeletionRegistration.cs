using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Deletion.Remote;

/// <summary>Registers deletion through Alibaba; <see cref="VideoDeletionService"/> hands it the requests when the library is remote.</summary>
internal static class RemoteDeletionRegistration
{
    public static IServiceCollection AddRemoteDeletion(this IServiceCollection services)
    {
        services.AddSingleton<RemoteDeletionRecorder>();
        services.AddSingleton<LateRemoteDeletions>();
        services.AddSingleton(sp => new RemoteVideoDeletion(
            sp.GetRequiredService<IDbContextFactory<MediaDbContext>>(),
            sp.GetRequiredService<PermissionService>(),
            sp.GetRequiredService<VodClient>(),
            sp.GetRequiredService<RemoteDeletionRecorder>(),
            sp.GetRequiredService<IOptions<AlibabaVodSourceOptions>>(),
            sp.GetRequiredService<ILogger<RemoteVideoDeletion>>()));
        return services;
    }
}
