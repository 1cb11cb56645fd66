using MediaAdmin.Core.Storage.AzureBlob;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Storage;

internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The validated Storage:Provider picks the store when it is first built, so nothing is read or checked before the
    /// host starts; the container of blob storage is created by a start-up step, not here.
    /// </summary>
    public static IServiceCollection AddMediaStorage(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.TryAddSingleton<IMediaStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.ProviderKind == StorageProvider.AzureBlob
                ? new AzureBlobMediaStorage(AzureBlobMediaStorage.CreateContainerClient(options.AzureBlob), options.AzureBlob.DeleteConcurrency)
                : new LocalDiskMediaStorage(sp.GetRequiredService<MediaAdminPaths>().StorageRoot);
        });
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService<StorageInitializationHostedService>();
        return services;
    }
}
