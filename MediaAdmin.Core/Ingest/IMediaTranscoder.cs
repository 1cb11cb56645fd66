using MediaAdmin.Core.Results;

namespace MediaAdmin.Core.Ingest;

/// <summary>
/// Makes an asset's streams and snapshots. A source ffmpeg cannot decode is an expected outcome
/// (<see cref="ResultStatus.Invalid"/> with ffmpeg's reason); cancelling stops the encoder at once.
/// </summary>
public interface IMediaTranscoder
{
    /// <summary>Writes every output into the request's work folder and lists them; progress goes from 0 to 1.</summary>
    Task<Result<IReadOnlyList<TranscodedFile>>> TranscodeAsync(TranscodeRequest request, IProgress<double>? progress, CancellationToken cancellationToken);
}
