namespace MediaAdmin.Core.Ingest;

/// <summary>A job a worker has taken: whose it is and which attempt this is.</summary>
internal sealed record ClaimedJob(long Id, string AssetId, int Attempt);
