namespace MediaAdmin.Core.Ingest.Uploads;

/// <summary>
/// A partial upload, as kept in its JSON sidecar beside the partial file: who started it and what it becomes.
/// The bytes received so far are the partial file's length, so the two can never disagree.
/// </summary>
public sealed record UploadSession(
    string Id,
    string OwnerId,
    string FileName,
    string Title,
    long SizeBytes,
    long? CategoryId,
    DateTimeOffset StartedAtUtc);
