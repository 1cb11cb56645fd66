using Azure;
using MediaAdmin.Core.Storage.AzureBlob;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Core.Storage;

/// <summary>
/// Prepares the configured store before anything uses it: with AzureBlob, creates the container when it is missing.
/// Run at start-up by the host, and by each CLI verb (which starts no host). A blob service that cannot be reached or
/// refuses the account stops start-up with a message naming the setting, never the key.
/// </summary>
public sealed class StorageInitializer(IServiceProvider services)
{
    private const string Setting = "Storage:AzureBlob:ConnectionString";

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        // Resolved only now, after the settings were validated: building the store earlier could create folders.
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
}
