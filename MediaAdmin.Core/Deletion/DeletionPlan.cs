using MediaAdmin.Core.Permissions;

namespace MediaAdmin.Core.Deletion;

/// <summary>
/// What one DeleteVideo request will do, decided before its transaction: the assets the caller may
/// delete, those it may not, and the IDs that name nothing. The commit carries it out, possibly more than once.
/// </summary>
internal sealed record DeletionPlan(
    DeletionCaller Caller,
    string RequestId,
    string RequestedIds,
    CallerPermissions Who,
    IReadOnlyList<DeletionCandidate> Candidates,
    IReadOnlyList<ForbiddenVideo> Forbidden,
    IReadOnlyList<string> NonExistent);
