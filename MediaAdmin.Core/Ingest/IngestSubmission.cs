namespace MediaAdmin.Core.Ingest;

/// <summary>
/// A media file on local disk to bring into the library: from a finished upload, the import verb or the demo seed.
/// The pipeline takes the file over (moves or copies it into storage as the mezzanine); the caller keeps nothing.
/// </summary>
public sealed record IngestSubmission(
    string OwnerId,
    string Title,
    string SourcePath,
    string OriginalFileName,
    long? CategoryId = null,
    string? Description = null);
