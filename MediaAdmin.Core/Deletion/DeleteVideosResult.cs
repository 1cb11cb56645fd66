namespace MediaAdmin.Core.Deletion;

public enum DeletionOutcome
{
    Deleted = 0,
    Forbidden = 1,
    NonExistent = 2,
}

/// <summary>Who is asking for a deletion, and through which door.</summary>
public sealed record DeletionCaller(string UserId, Audit.DeletionChannel Channel, string? AccessKeyId = null, string? RemoteAddress = null);

/// <summary>An asset that this request deleted, with the CDN URLs that may still serve its files.</summary>
public sealed record DeletedVideo(string VideoId, string Title, int FileCount, long TotalBytes, IReadOnlyList<string> CdnUrls);

/// <summary>An asset that exists but that the caller may not delete, and why.</summary>
public sealed record ForbiddenVideo(string VideoId, string Title, string Reason);

/// <summary>
/// The answer to one DeleteVideo request. Every ID asked for is in exactly one of <see cref="Deleted"/>,
/// <see cref="Forbidden"/> and <see cref="NonExistent"/>, unless <see cref="Error"/> stopped the request.
/// </summary>
public sealed record DeleteVideosResult(
    string RequestId,
    DeletionError? Error,
    IReadOnlyList<DeletedVideo> Deleted,
    IReadOnlyList<ForbiddenVideo> Forbidden,
    IReadOnlyList<string> NonExistent)
{
    /// <summary>With the AlibabaVod source: the RequestId of the DeleteVideo call Alibaba answered, to quote to its support.</summary>
    public string? RemoteRequestId { get; init; }

    public bool Succeeded => Error is null;

    public IEnumerable<string> CdnUrls => Deleted.SelectMany(d => d.CdnUrls);

    internal static DeleteVideosResult Failed(string requestId, DeletionError error, IReadOnlyList<string>? nonExistent = null) =>
        new(requestId, error, [], [], nonExistent ?? []);
}
