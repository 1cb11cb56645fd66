namespace MediaAdmin.Core.Ingest;

/// <summary>Where an asset's transcoding job stands.</summary>
public enum IngestJobState
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,

    /// <summary>The asset was deleted before its job could finish; everything the job wrote was removed.</summary>
    Cancelled = 4,
}
