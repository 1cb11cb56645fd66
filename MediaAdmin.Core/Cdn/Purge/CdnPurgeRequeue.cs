namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>How a person's Refresh now or Retry puts a deletion's purge back at the start, and how a closed one reads.</summary>
internal static class CdnPurgeRequeue
{
    /// <summary>Why a closed deletion is closed: verified, or marked done or refreshed by whom (and why).</summary>
    public static string Closed(CdnInvalidation invalidation) => invalidation.RefreshedReason is { } reason
        ? $"marked done by {invalidation.RefreshedByName ?? "someone"}: {reason}"
        : invalidation.VerifiedAtUtc is not null ? "verified" : $"marked refreshed by {invalidation.RefreshedByName ?? "someone"}";

    /// <summary>Back to Pending, asked for now, with a fresh count of attempts and no error, wait or task left.</summary>
    public static void Requeue(CdnInvalidation invalidation, DateTime now)
    {
        invalidation.PurgeState = CdnPurgeState.Pending;
        invalidation.PurgeRequestedAtUtc = now;
        invalidation.NextPurgeAtUtc = now;
        invalidation.PurgeAttempts = 0;
        invalidation.PurgeError = null;
        invalidation.PurgeWaitReason = null;
        invalidation.PurgeWaitUntilUtc = null;
        invalidation.PurgeTaskIds = "";
        invalidation.PurgedAtUtc = null;
    }
}
