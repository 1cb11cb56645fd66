using System.ComponentModel.DataAnnotations;

namespace MediaAdmin.Core.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The folder media files are kept in; relative paths are taken from the data folder.</summary>
    [Required(AllowEmptyStrings = false)]
    public string RootPath { get; set; } = "storage";
}
