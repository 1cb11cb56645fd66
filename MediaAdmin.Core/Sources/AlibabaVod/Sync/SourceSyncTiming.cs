namespace MediaAdmin.Core.Sources.AlibabaVod.Sync;

/// <summary>The fixed times of the sync schedule, which follow from how a run records itself rather than from a setting.</summary>
internal static class SourceSyncTiming
{
    /// <summary>
    /// A running sync writes its run after every page, and a page with every retry of the VOD client takes about a
    /// minute at worst; a run unwritten for longer belongs to an instance that died, and another takes it over.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How far before the last successful sync's start an incremental sync asks from: covers the skew between
    /// Alibaba's clock and this one, and the open lower bound of the range query. Re-reading a few videos is harmless.
    /// </summary>
    public static readonly TimeSpan IncrementalOverlap = TimeSpan.FromMinutes(2);

    /// <summary>The longest the worker sleeps between looks for due syncs and for runs a dead instance left.</summary>
    public static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The <see cref="SourceSyncRun.UpdatedAtUtc"/> of a run nobody holds (requested with "Sync now", or given back at
    /// shutdown): older than any stale run, so the next worker to look takes it at once.
    /// </summary>
    public static readonly DateTime Released = DateTime.UnixEpoch;
}
