using Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MediaAdmin.Core.Storage.AzureBlob;

/// <summary>
/// Creates the container at start-up when it is missing, before the workers touch storage. A service that cannot be
/// reached or refuses the account stops start-up with a message naming the setting (never the key).
/// The store is resolved only here, after the settings were validated: building it earlier could create folders.
/// </summary>
internal sealed class AzureBlobContainerInitializer(IServiceProvider services) : IHostedService
{
    private const string Setting = "Storage:AzureBlob:ConnectionString";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<IMediaStorage>() is not AzureBlobMediaStorage blob)
        {
            return;
        }

        try
        {
            await blob.CreateContainerIfMissingAsync(cancellationToken);
        }
        catch (StorageUnavailableException ex)
        {
            throw new InvalidOperationException($"{Setting} names {blob.ContainerUri}, which could not be reached: {ex.InnerException?.Message}", ex);
        }
        catch (RequestFailedException ex)
        {
            throw new InvalidOperationException($"{Setting}: {blob.ContainerUri} refused to create the container ({ex.Status} {ex.ErrorCode}).", ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
