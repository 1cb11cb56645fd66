using MediaAdmin.Core.Results;

namespace MediaAdmin.Core.Ingest;

/// <summary>Reads what a file holds. A file that is not audio or video is an expected outcome, not an exception.</summary>
public interface IMediaProbe
{
    /// <summary>The file's metadata, or <see cref="ResultStatus.Invalid"/> with a message a person can act on.</summary>
    Task<Result<MediaProbe>> ProbeAsync(string path, CancellationToken cancellationToken = default);
}
