using System.Collections.Concurrent;
using System.Security.Cryptography;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Results;

namespace MediaAdmin.Tests.Upload;

/// <summary>
/// Stands in for the real pipeline at the upload's edge: records each submission with the SHA-256 of the file it
/// was handed, and refuses files whose name says so, as ffprobe refuses what is not audio or video.
/// </summary>
public sealed class RecordingIngestPipeline : IIngestPipeline
{
    public const string NotMediaRefusal = "not audio or video";

    public ConcurrentQueue<(IngestSubmission Submission, string Sha256)> Submissions { get; } = new();

    public async Task<Result<string>> SubmitAsync(IngestSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        await using (var file = File.OpenRead(submission.SourcePath))
        {
            Submissions.Enqueue((submission, Convert.ToHexString(await SHA256.HashDataAsync(file, cancellationToken))));
        }

        return submission.OriginalFileName.StartsWith("not-media", StringComparison.Ordinal)
            ? Problem.Invalid(NotMediaRefusal)
            : VideoId.New();
    }
}
