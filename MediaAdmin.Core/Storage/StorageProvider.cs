namespace MediaAdmin.Core.Storage;

/// <summary>Where media files are kept, as <see cref="StorageOptions.Provider"/> names it.</summary>
public enum StorageProvider
{
    /// <summary>A folder on the local disk (<see cref="LocalDiskMediaStorage"/>).</summary>
    LocalDisk = 0,

    /// <summary>A container in Azure Blob Storage or Azurite (<see cref="AzureBlob.AzureBlobMediaStorage"/>).</summary>
    AzureBlob = 1,
}
