using MediaAdmin.Core.Results;

namespace MediaAdmin.Core.Ingest;

/// <summary>
/// The way media goes in. Checks the caller may upload and that the file is audio or video (ffprobe), stores the
/// mezzanine, creates the asset (status UploadSucc) and queues its transcoding job durably. A refused file leaves
/// nothing behind: no asset, no stored file.
/// </summary>
public interface IIngestPipeline
{
    /// <summary>The new asset's VideoId, or why the file was refused (Forbidden, Invalid with a message a person can act on).</summary>
    Task<Result<string>> SubmitAsync(IngestSubmission submission, CancellationToken cancellationToken = default);
}
