namespace MediaAdmin.Core.Sources.AlibabaVod;

public enum SourceSyncKind
{
    /// <summary>Every remote video, SearchMedia with ScrollToken, resumable; removes mirrored videos the remote no longer has.</summary>
    Full = 0,

    /// <summary>The videos modified since the last sync.</summary>
    Incremental = 1,
}

public enum SourceSyncState
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,
    Cancelled = 3,
}

/// <summary>One sync of the mirror with the remote catalog: its progress while it runs, its outcome after.</summary>
public sealed class SourceSyncRun
{
    public const int ErrorMaxLength = 1024;

    public const int ScrollTokenMaxLength = 1024;

    public const int RequestedByMaxLength = 256;

    public long Id { get; set; }

    public SourceSyncKind Kind { get; set; }

    public SourceSyncState State { get; set; }

    /// <summary>Who pressed "Sync now"; null for the scheduled syncs.</summary>
    public string? RequestedBy { get; set; }

    public DateTime StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>Written with every page, so a run whose instance died is seen as stale and resumed by another.</summary>
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Where a full sync continues after a restart: the ScrollToken of the next page.</summary>
    public string? ScrollToken { get; set; }

    /// <summary>An incremental sync asks for videos modified at or after this time.</summary>
    public DateTime? ModifiedSinceUtc { get; set; }

    /// <summary>How many videos the remote said match (SearchMedia's Total), for the progress bar.</summary>
    public long? RemoteTotal { get; set; }

    public int Seen { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Removed { get; set; }

    public string? Error { get; set; }

    /// <summary>True while running, null after; a unique index on it admits one unfinished run across instances.</summary>
    public bool? Unfinished { get; set; }
}
