using System.ComponentModel.DataAnnotations;
using MediaAdmin.Core.Storage.AzureBlob;

namespace MediaAdmin.Core.Storage;

/// <summary>Where media files are kept; checked by <see cref="StorageOptionsValidator"/> at start-up.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>'LocalDisk' (the default) or 'AzureBlob', in any letter case.</summary>
    /// <remarks>Bound as text so that a wrong value fails validation with the choices named, not with a conversion error.</remarks>
    public string Provider { get; set; } = nameof(StorageProvider.LocalDisk);

    /// <summary>The folder media files are kept in with LocalDisk; relative paths are taken from the data folder.</summary>
    [Required(AllowEmptyStrings = false)]
    public string RootPath { get; set; } = "storage";

    /// <summary>The container media files are kept in with AzureBlob.</summary>
    public AzureBlobStorageOptions AzureBlob { get; set; } = new();

    /// <summary>The provider <see cref="Provider"/> names, or null when it names none.</summary>
    public StorageProvider? ProviderKind =>
        EnumSetting.Parse<StorageProvider>(Provider);
}
