using MediaAdmin.Core.Storage;
using Microsoft.Extensions.Configuration;

namespace MediaAdmin.Core;

/// <summary>The folders MediaAdmin keeps its data in, resolved once at start-up to full paths.</summary>
public sealed record MediaAdminPaths(string DataFolder, string StorageRoot)
{
    public static MediaAdminPaths Resolve(IConfiguration configuration, string contentRootPath)
    {
        var dataFolder = configuration[$"{MediaAdminOptions.Section}:{nameof(MediaAdminOptions.DataFolder)}"];
        dataFolder = Path.GetFullPath(string.IsNullOrWhiteSpace(dataFolder) ? "App_Data" : dataFolder, contentRootPath);
        var storage = configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.RootPath)}"];
        var storageRoot = Path.GetFullPath(string.IsNullOrWhiteSpace(storage) ? "storage" : storage, dataFolder);
        Directory.CreateDirectory(dataFolder);
        return new MediaAdminPaths(dataFolder, storageRoot);
    }
}
