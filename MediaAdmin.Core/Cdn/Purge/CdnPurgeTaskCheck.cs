namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>The state of a provider's purge tasks: finished, still running, or failed with the provider's reason.</summary>
public sealed record CdnPurgeTaskCheck(IReadOnlyList<CdnPurgeTaskState> Tasks)
{
    public bool AllComplete => Tasks.All(t => t.Status == CdnPurgeTaskStatus.Complete);

    public bool AnyFailed => Tasks.Any(t => t.Status == CdnPurgeTaskStatus.Failed);
}

/// <summary>One provider task: its ID, its status, and for a failed task the reason.</summary>
public sealed record CdnPurgeTaskState(string TaskId, CdnPurgeTaskStatus Status, string? Error = null);

/// <summary>Where a provider's purge task stands.</summary>
public enum CdnPurgeTaskStatus
{
    Running = 0,
    Complete = 1,
    Failed = 2,
}
