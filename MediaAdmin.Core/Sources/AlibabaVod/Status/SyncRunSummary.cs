namespace MediaAdmin.Core.Sources.AlibabaVod.Status;

/// <summary>A sync run as the Source page shows it: when, what it did, how far a running one is, and why a failed one failed.</summary>
public sealed record SyncRunSummary(
    long Id,
    SourceSyncKind Kind,
    SourceSyncState State,
    string? RequestedBy,
    DateTime StartedAtUtc,
    DateTime? FinishedAtUtc,
    long? RemoteTotal,
    int Seen,
    int Added,
    int Updated,
    int Removed,
    string? Error)
{
    public TimeSpan? Duration => FinishedAtUtc - StartedAtUtc;

    /// <summary>Listed so far of what the remote said it holds, 0 to 100; null until the first page told the total.</summary>
    public int? Percent => RemoteTotal switch
    {
        null => null,
        <= 0 => 100,
        { } total => (int)Math.Clamp(Seen * 100L / total, 0, 100),
    };

    internal static SyncRunSummary From(SourceSyncRun run) => new(
        run.Id, run.Kind, run.State, run.RequestedBy, run.StartedAtUtc, run.FinishedAtUtc, run.RemoteTotal,
        run.Seen, run.Added, run.Updated, run.Removed, run.Error);
}
