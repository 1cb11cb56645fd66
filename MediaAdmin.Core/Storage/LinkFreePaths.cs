namespace MediaAdmin.Core.Storage;

/// <summary>
/// The paths of keys under a storage root, and whether each is reached through real folders only. A symbolic
/// link or reparse point inside storage could lead anywhere (the live database, system files), so nothing is
/// read, written or deleted through one.
/// </summary>
internal sealed class LinkFreePaths
{
    private static readonly EnumerationOptions RealFolders = new() { AttributesToSkip = FileAttributes.ReparsePoint };

    private static readonly EnumerationOptions RealFilesBelow = new()
    {
        AttributesToSkip = FileAttributes.ReparsePoint,
        RecurseSubdirectories = true,
        IgnoreInaccessible = false,
    };

    public LinkFreePaths(string rootPath) => Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootPath));

    public string Root { get; }

    /// <summary>The full path of a key; refuses any path that would resolve outside the root.</summary>
    public string PathOf(StorageKey key)
    {
        if (key.Value is null)
        {
            throw new ArgumentException("An empty storage key names no file.", nameof(key));
        }

        // A parsed key has no '.', '..' or empty segment and is not rooted, so joining it is already a full,
        // normalised path; the check below stays as a second line of defence.
        var full = Path.Join(Root, Path.DirectorySeparatorChar == '/' ? key.Value : key.Value.Replace('/', Path.DirectorySeparatorChar));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Storage key '{key}' resolves outside the storage root.", nameof(key));
        }

        return full;
    }

    /// <summary>True for a regular file, not a link, in real folders all the way from the root.</summary>
    public bool IsRealFile(string path)
    {
        var file = new FileInfo(path);
        return file.Exists && !file.Attributes.HasFlag(FileAttributes.ReparsePoint) && IsRealFolderChain(file.DirectoryName!);
    }

    /// <summary>
    /// True when every folder from the root down to <paramref name="folder"/> exists and is not a link.
    /// <paramref name="verified"/> remembers the folders already checked, so a batch checks each folder once.
    /// </summary>
    public bool IsRealFolderChain(string folder, HashSet<string>? verified = null)
    {
        if (folder != Root && !folder.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var step in StepsFromRoot(folder))
        {
            if (verified?.Contains(step) != true)
            {
                if (!IsRealFolder(step))
                {
                    return false;
                }

                verified?.Add(step);
            }
        }

        return true;
    }

    /// <summary>Creates the folders of <paramref name="folder"/> level by level, refusing to go through a link.</summary>
    public void CreateFolderChain(string folder, StorageKey key)
    {
        foreach (var step in StepsFromRoot(folder))
        {
            var existing = new DirectoryInfo(step);
            if (existing.Exists && existing.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                throw new IOException(
                    $"Storage key '{key}' passes through '{Path.GetRelativePath(Root, step)}', a symbolic link or reparse point; nothing is written through one.");
            }

            if (!existing.Exists)
            {
                Directory.CreateDirectory(step);
            }
        }
    }

    /// <summary>The folders directly in <paramref name="folder"/>, links left out.</summary>
    public static List<string> RealSubfolders(string folder) => [.. Directory.EnumerateDirectories(folder, "*", RealFolders)];

    /// <summary>Every file below <paramref name="folder"/> that is not a link and not inside a linked folder.</summary>
    public static IEnumerable<string> RealFilesIn(string folder) => Directory.EnumerateFiles(folder, "*", RealFilesBelow);

    public static bool IsRealFolder(string path)
    {
        var folder = new DirectoryInfo(path);
        return folder.Exists && !folder.Attributes.HasFlag(FileAttributes.ReparsePoint);
    }

    /// <summary>The folders between the root (excluded) and <paramref name="folder"/> (included), outermost first.</summary>
    private Stack<string> StepsFromRoot(string folder)
    {
        var steps = new Stack<string>();
        for (var step = folder; step.Length > Root.Length; step = Path.GetDirectoryName(step)!)
        {
            steps.Push(step);
        }

        return steps;
    }
}
