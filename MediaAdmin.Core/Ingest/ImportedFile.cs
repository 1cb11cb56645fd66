namespace MediaAdmin.Core.Ingest;

/// <summary>One file of a folder import: the new asset's VideoId, or why the file was refused.</summary>
public sealed record ImportedFile(string RelativePath, string? VideoId, string? Refusal)
{
    public bool Succeeded => VideoId is not null;
}
