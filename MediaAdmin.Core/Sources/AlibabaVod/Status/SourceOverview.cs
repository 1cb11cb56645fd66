namespace MediaAdmin.Core.Sources.AlibabaVod.Status;

/// <summary>
/// What the Source page shows: the VOD account's endpoint and region (never its AccessKey), the run in progress, the
/// last full and incremental syncs, how many videos the mirror holds and the latest callbacks received.
/// </summary>
public sealed record SourceOverview(
    string Endpoint,
    string RegionId,
    SyncRunSummary? Running,
    SyncRunSummary? LastFull,
    SyncRunSummary? LastIncremental,
    int MirroredAssets,
    IReadOnlyList<ReceivedEventLine> RecentEvents)
{
    public bool IsSyncing => Running is not null;
}
