namespace MediaAdmin.Core.Deletion;

/// <summary>
/// A stored file whose asset is gone from the database but which may still be in storage. Written in
/// the same transaction that removes the asset and cleared once the file is gone, so no crash can
/// leave a file behind without a record of it.
/// </summary>
public sealed class PendingFileDeletion
{
    public long Id { get; set; }

    public required string StorageKey { get; set; }

    public required string AssetId { get; set; }

    public required string RequestId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    public string? LastError { get; set; }
}
