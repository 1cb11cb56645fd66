using System.ComponentModel.DataAnnotations;

namespace MediaAdmin.Core;

public sealed class MediaAdminOptions
{
    public const string Section = "MediaAdmin";

    /// <summary>Where the embedded database and local storage live; relative paths are taken from the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataFolder { get; set; } = "App_Data";
}
