namespace MediaAdmin.Core.Deletion.Remote;

/// <summary>
/// A deletion through Alibaba once the remote answered (or was re-checked): the outcome per ID, the videos the remote
/// no longer has (to drop from the mirror), the request-level error, and Alibaba's RequestId when it sent one.
/// </summary>
internal sealed record RemoteDeletionOutcome(
    IReadOnlyList<DeletedVideo> Deleted,
    IReadOnlyList<ForbiddenVideo> Forbidden,
    IReadOnlyList<string> NonExistent,
    IReadOnlyList<string> GoneFromRemote,
    DeletionError? Error,
    string? RemoteRequestId)
{
    /// <summary>Videos sent whose fate nobody could tell (the answer was lost and the re-check found them or failed).</summary>
    public IReadOnlyList<string> Unconfirmed { get; init; } = [];

    /// <summary>The answer; with an error it still says what was deleted (an unknown outcome re-checked) and what was refused.</summary>
    public DeleteVideosResult ToResult(string requestId) =>
        new(requestId, Error, Deleted, Forbidden, NonExistent) { RemoteRequestId = RemoteRequestId };
}
