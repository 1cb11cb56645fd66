namespace MediaAdmin.Core.Storage.AzureBlob;

/// <summary>The Storage:AzureBlob settings: which account and container hold the media files.</summary>
public sealed class AzureBlobStorageOptions
{
    public const int DefaultDeleteConcurrency = 16;
    public const int MaxDeleteConcurrency = 256;

    /// <summary>An Azure Storage connection string (account and key, or a blob endpoint with a SAS). Never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The container's name; created at start-up when missing.</summary>
    public string? Container { get; set; }

    /// <summary>How many blobs a batch delete removes at once.</summary>
    public int DeleteConcurrency { get; set; } = DefaultDeleteConcurrency;
}
