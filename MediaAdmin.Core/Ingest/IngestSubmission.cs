namespace MediaAdmin.Core.Ingest;

/// <summary>
/// A media file on local disk to bring into the library: from a finished upload, the import verb or the demo seed.
/// The pipeline copies the file into storage as the mezzanine and leaves the caller's file as it was, refused or not:
/// an upload removes its temporary file itself, an import keeps the folder it reads intact.
/// </summary>
public sealed record IngestSubmission(
    string OwnerId,
    string Title,
    string SourcePath,
    string OriginalFileName,
    long? CategoryId = null,
    string? Description = null);
