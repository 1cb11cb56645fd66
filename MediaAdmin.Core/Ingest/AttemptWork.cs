namespace MediaAdmin.Core.Ingest;

/// <summary>The local folder one attempt transcodes into; emptied when the attempt starts and removed when it ends.</summary>
internal sealed class AttemptWork(string root)
{
    public string Root { get; } = root;

    /// <summary>Where ffmpeg writes; each file's path below it is its key below the asset's storage prefix.</summary>
    public string Outputs => Path.Combine(Root, "out");

    public void Reset()
    {
        Delete();
        Directory.CreateDirectory(Outputs);
    }

    public void Delete()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
