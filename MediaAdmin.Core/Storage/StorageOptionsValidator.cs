using Azure.Storage.Blobs;
using MediaAdmin.Core.Storage.AzureBlob;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Storage;

/// <summary>
/// Stops start-up on storage settings that cannot work, with a message naming the setting to fix.
/// A connection string is never echoed: it holds the account key.
/// </summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string Blob = $"{StorageOptions.Section}:{nameof(StorageOptions.AzureBlob)}";

    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        ProblemWith(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;

    private static string? ProblemWith(StorageOptions options) => options.ProviderKind switch
    {
        null => $"Storage:Provider is '{options.Provider}'; it must be 'LocalDisk' or 'AzureBlob'.",
        StorageProvider.AzureBlob => ProblemWith(options.AzureBlob),
        _ => null,
    };

    private static string? ProblemWith(AzureBlobStorageOptions blob)
    {
        if (string.IsNullOrWhiteSpace(blob.ConnectionString))
        {
            return $"{Blob}:ConnectionString must be set when Storage:Provider is AzureBlob.";
        }

        if (!IsConnectionString(blob.ConnectionString))
        {
            return $"{Blob}:ConnectionString is not a valid Azure Storage connection string (its value is not shown: it holds the account key).";
        }

        if (string.IsNullOrWhiteSpace(blob.Container))
        {
            return $"{Blob}:Container must be set when Storage:Provider is AzureBlob.";
        }

        if (!ContainerNames.IsValid(blob.Container))
        {
            return $"{Blob}:Container '{blob.Container}' is not a valid container name: {ContainerNames.Rule}";
        }

        return blob.DeleteConcurrency is < 1 or > AzureBlobStorageOptions.MaxDeleteConcurrency
            ? $"{Blob}:DeleteConcurrency is {blob.DeleteConcurrency}; it must be between 1 and {AzureBlobStorageOptions.MaxDeleteConcurrency}."
            : null;
    }

    private static bool IsConnectionString(string connectionString)
    {
        try
        {
            _ = new BlobServiceClient(connectionString);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
