namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// One deletion as the CDN refresh page lists it: who deleted which videos when (through which door, and for the API
/// with which AccessKey), where its purge stands, and
/// whether its reminder is still open (it closes when Verified or when a person marks it done with a reason).
/// </summary>
public sealed record CdnPurgeSummary(
    long Id,
    string RequestId,
    string DeletedBy,
    DateTime DeletedAtUtc,
    IReadOnlyList<string> VideoIds,
    Audit.DeletionChannel Channel,
    string? AccessKeyId,
    CdnPurgeState State,
    int UrlCount,
    CdnPurgeProgress Progress,
    int Attempts,
    DateTime? NextAttemptAtUtc,
    string? Error,
    string? WaitReason,
    DateTime? WaitUntilUtc,
    DateTime? PurgedAtUtc,
    DateTime? VerifiedAtUtc,
    bool IsOpen,
    DateTime? DoneAtUtc,
    string? DoneBy,
    string? DoneReason)
{
    /// <summary>For a deletion recorded after its request ended (its outcome on ApsaraVideo VOD unknown then): that request's ID.</summary>
    public string? OriginalRequestId { get; init; }

    /// <summary>How far the removal of the deletion's files from storage has got, shown until storage is clean.</summary>
    public Deletion.FileRemovalProgress? Removal { get; init; }
}
