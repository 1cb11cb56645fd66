using System.Globalization;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Ingest.Uploads;

/// <summary>
/// Chunked, resumable uploads: a session is started with the file's size, chunks are appended at the offset
/// the server holds (so a cut connection resumes instead of restarting), and the finished file is handed to the
/// ingest pipeline. Every call re-reads the caller's permissions; a session answers only to the user who started it.
/// </summary>
public sealed class UploadStore(
    UploadFolder folder, PermissionService permissions, IOptions<IngestOptions> options, IOptions<Sources.LibrarySourceOptions> source, TimeProvider clock)
{
    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    /// <summary>Whether the user, active now, may upload (Editors and Administrators; not Viewers).</summary>
    public async Task<Result<Done>> MayUploadAsync(string userId, CancellationToken cancellationToken = default) =>
        await RefusalAsync(userId, cancellationToken) is { } refusal ? refusal : Result.Ok();

    /// <summary>Opens a session for a file of the declared size; nothing is written for a refused one.</summary>
    public async Task<Result<UploadProgress>> StartAsync(string userId, NewUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (await RefusalAsync(userId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var fileName = Path.GetFileName(upload.FileName?.Trim() ?? string.Empty);
        if (fileName.Length == 0)
        {
            return Problem.Invalid("Name the file to upload.");
        }

        if (upload.SizeBytes <= 0)
        {
            return Problem.Invalid($"{fileName} is empty; there is nothing to upload.");
        }

        if (upload.SizeBytes > MaxUploadBytes)
        {
            return Problem.Invalid($"{fileName} has {Bytes(upload.SizeBytes)}, more than the {Bytes(MaxUploadBytes)} an upload may have.");
        }

        var title = string.IsNullOrWhiteSpace(upload.Title) ? FileNameTitle.Of(fileName) : upload.Title.Trim();
        if (title.Length > MediaAsset.TitleMaxLength)
        {
            return Problem.Invalid($"A title may have at most {MediaAsset.TitleMaxLength} characters; this one has {title.Length}.");
        }

        var session = new UploadSession(
            Guid.NewGuid().ToString("N"), userId, fileName, title, upload.SizeBytes, upload.CategoryId, clock.GetUtcNow());
        await folder.CreateAsync(session, cancellationToken);
        return new UploadProgress(session.Id, 0, session.SizeBytes);
    }

    /// <summary>Where the next chunk must start: what a client asks after a dropped connection.</summary>
    public async Task<Result<UploadProgress>> ProgressAsync(string userId, string uploadId, CancellationToken cancellationToken = default)
    {
        var session = await FindAsync(userId, uploadId, cancellationToken);
        return session.Map(s => new UploadProgress(s.Id, folder.ReceivedBytes(s.Id), s.SizeBytes));
    }

    /// <summary>
    /// Appends <paramref name="lengthBytes"/> bytes of <paramref name="chunk"/> at <paramref name="offset"/>, which must be
    /// exactly what was received so far (a gap or an overlap is a conflict). Bytes of a chunk cut off half-way stay,
    /// and the answer says where to resume.
    /// </summary>
    public async Task<Result<UploadProgress>> AppendAsync(
        string userId, string uploadId, long offset, long lengthBytes, Stream chunk, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var found = await FindAsync(userId, uploadId, cancellationToken);
        if (!found.TryGetValue(out var session))
        {
            return found.Problem!;
        }

        if (lengthBytes <= 0)
        {
            return Problem.Invalid("A chunk must carry at least one byte.");
        }

        if (offset + lengthBytes > session.SizeBytes)
        {
            return Problem.Invalid($"The chunk ends at byte {offset + lengthBytes}, past the end of {session.FileName} ({session.SizeBytes} bytes).");
        }

        FileStream part;
        try
        {
            part = new FileStream(folder.PartPath(session.Id), FileMode.Open, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
        }
        catch (FileNotFoundException)
        {
            return NotFound(uploadId);
        }
        catch (IOException)
        {
            return Problem.Conflict("Another chunk of this upload is being written; ask for the offset and resume from there.");
        }

        await using (part)
        {
            if (part.Length != offset)
            {
                return Problem.Conflict($"This upload has {part.Length} bytes; the next chunk must start at byte {part.Length}, not {offset}.");
            }

            part.Seek(0, SeekOrigin.End);
            if (!await ChunkCopy.CopyAsync(chunk, part, lengthBytes, cancellationToken))
            {
                return Problem.Conflict($"The chunk was cut off; {part.Length} bytes arrived, resume from byte {part.Length}.");
            }

            return new UploadProgress(session.Id, part.Length, session.SizeBytes);
        }
    }

    /// <summary>
    /// Hands the whole file to <paramref name="pipeline"/> and answers the new asset's VideoId or its refusal.
    /// Either way the upload's own files are gone afterwards: the pipeline took the file over, or refused it.
    /// </summary>
    public async Task<Result<string>> CompleteAsync(string userId, string uploadId, IIngestPipeline pipeline, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var found = await FindAsync(userId, uploadId, cancellationToken);
        if (!found.TryGetValue(out var session))
        {
            return found.Problem!;
        }

        var received = folder.ReceivedBytes(session.Id);
        if (received != session.SizeBytes)
        {
            return Problem.Conflict($"{session.FileName} has {received} of {session.SizeBytes} bytes so far; send the rest before completing.");
        }

        if (!folder.TryHandOver(session.Id))
        {
            return NotFound(uploadId);
        }

        try
        {
            var submission = new IngestSubmission(userId, session.Title, folder.PartPath(session.Id), session.FileName, session.CategoryId);
            return await pipeline.SubmitAsync(submission, cancellationToken);
        }
        finally
        {
            folder.Remove(session.Id);
        }
    }

    /// <summary>Stops an upload and removes what was received.</summary>
    public async Task<Result<Done>> CancelAsync(string userId, string uploadId, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(userId, uploadId, cancellationToken);
        if (!found.TryGetValue(out var session))
        {
            return found.Problem!;
        }

        folder.Remove(session.Id);
        return Result.Ok();
    }

    private async Task<Result<UploadSession>> FindAsync(string userId, string uploadId, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(userId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        // Someone else's upload answers exactly as a missing one, so ids cannot be probed.
        var session = await folder.ReadAsync(uploadId, cancellationToken);
        return session is not null && session.OwnerId == userId ? session : NotFound(uploadId);
    }

    private async Task<Problem?> RefusalAsync(string userId, CancellationToken cancellationToken)
    {
        if (source.Value.IsAlibabaVod)
        {
            return IngestPipeline.RemoteLibraryRefusal;
        }

        return await permissions.HasAsync(userId, PermissionNames.UploadMedia, cancellationToken)
            ? null
            : Problem.Forbidden("Your roles do not allow uploading media.");
    }

    private static Problem NotFound(string uploadId) =>
        Problem.NotFound($"There is no upload {uploadId}: it finished, was cancelled, or was removed after sitting unused.");

    private static string Bytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
}
