namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// What a provider did with a batch: per URL (or folder) whether the CDN accepted it, the provider's task IDs
/// to check later, or, when nothing could be sent yet (a daily quota spent), until when to wait and why.
/// </summary>
public sealed record CdnPurgeSubmission(
    IReadOnlyList<CdnPurgeUrlOutcome> Outcomes,
    IReadOnlyList<string> TaskIds,
    DateTime? WaitUntilUtc = null,
    string? WaitReason = null)
{
    /// <summary>Nothing was sent: the batch waits until <paramref name="untilUtc"/> for the reason given.</summary>
    public static CdnPurgeSubmission Wait(DateTime untilUtc, string reason) => new([], [], untilUtc, reason);
}

/// <summary>One URL or folder sent to the CDN: accepted, or refused with the CDN's reason (and whether trying again may help).</summary>
public sealed record CdnPurgeUrlOutcome(string Url, bool Accepted, string? Error = null, bool Retryable = false);
