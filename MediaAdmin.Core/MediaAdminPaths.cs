using MediaAdmin.Core.Storage;

namespace MediaAdmin.Core;

/// <summary>The folders MediaAdmin keeps its data in, as full paths, from the validated options.</summary>
public sealed record MediaAdminPaths(string DataFolder, string StorageRoot)
{
    /// <summary>A relative data folder is taken from <paramref name="contentRootPath"/>, a relative storage root from the data folder.</summary>
    public static MediaAdminPaths From(MediaAdminOptions mediaAdmin, StorageOptions storage, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(mediaAdmin);
        ArgumentNullException.ThrowIfNull(storage);
        var dataFolder = Path.GetFullPath(mediaAdmin.DataFolder, contentRootPath);
        return new MediaAdminPaths(dataFolder, Path.GetFullPath(storage.RootPath, dataFolder));
    }
}
