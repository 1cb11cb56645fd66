using System.Text.Json;

namespace MediaAdmin.Core.Ingest.Uploads;

/// <summary>
/// Where partial uploads live: <c>&lt;DataFolder&gt;/uploads/&lt;id&gt;.part</c> with its sidecar <c>&lt;id&gt;.json</c>,
/// outside media storage, so nothing half-received is ever served or counted as an asset's file.
/// </summary>
public sealed class UploadFolder(MediaAdminPaths paths)
{
    private const string PartExtension = ".part";
    private const string SidecarExtension = ".json";

    // Renamed to while the finished file is with the pipeline, so a second "complete" finds nothing to take.
    private const string HandedOverExtension = ".handed-over";

    public string Path { get; } = System.IO.Path.Combine(paths.DataFolder, "uploads");

    /// <summary>Ids are 32 lower-case hex characters; anything else cannot name a session (nor a path outside the folder).</summary>
    public static bool IsWellFormedId(string? id) =>
        id is { Length: 32 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public string PartPath(string id) => System.IO.Path.Combine(Path, id + PartExtension);

    internal string SidecarPath(string id) => System.IO.Path.Combine(Path, id + SidecarExtension);

    internal string HandedOverPath(string id) => System.IO.Path.Combine(Path, id + HandedOverExtension);

    internal async Task CreateAsync(UploadSession session, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path);
        await using (File.Create(PartPath(session.Id)))
        {
        }

        await File.WriteAllTextAsync(SidecarPath(session.Id), JsonSerializer.Serialize(session), cancellationToken);
    }

    /// <summary>The session, or null when there is none by this id (never started, finished, cancelled or swept).</summary>
    internal async Task<UploadSession?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsWellFormedId(id) || !File.Exists(SidecarPath(id)))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<UploadSession>(await File.ReadAllTextAsync(SidecarPath(id), cancellationToken));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    internal long ReceivedBytes(string id)
    {
        var part = new FileInfo(PartPath(id));
        return part.Exists ? part.Length : 0;
    }

    /// <summary>Claims the session for completion; false when another request already did.</summary>
    internal bool TryHandOver(string id)
    {
        try
        {
            File.Move(SidecarPath(id), HandedOverPath(id));
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Removes every file of the upload: partial file, sidecar, hand-over marker.</summary>
    public void Remove(string id)
    {
        File.Delete(PartPath(id));
        File.Delete(SidecarPath(id));
        File.Delete(HandedOverPath(id));
    }

    /// <summary>Removes the uploads nobody has written to since <paramref name="before"/>; answers how many.</summary>
    public int RemoveUntouchedSince(DateTimeOffset before)
    {
        if (!Directory.Exists(Path))
        {
            return 0;
        }

        var abandoned = new DirectoryInfo(Path).EnumerateFiles()
            .GroupBy(file => System.IO.Path.GetFileNameWithoutExtension(file.Name), StringComparer.Ordinal)
            .Where(upload => IsWellFormedId(upload.Key) && upload.Max(file => file.LastWriteTimeUtc) < before.UtcDateTime)
            .Select(upload => upload.Key)
            .ToList();
        foreach (var id in abandoned)
        {
            Remove(id);
        }

        return abandoned.Count;
    }
}
