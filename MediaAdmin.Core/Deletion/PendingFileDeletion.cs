namespace MediaAdmin.Core.Deletion;

/// <summary>
/// The files of one deleted asset, everything below its storage prefix, that may still be in storage.
/// Written in the transaction that removes the asset, so no crash can leave a file behind without a
/// record of it; completed by the worker once the prefix is empty, and cleared when every asset of its
/// request is complete. One record per asset, however many files it has.
/// </summary>
public sealed class PendingFileDeletion
{
    public long Id { get; set; }

    public required string AssetId { get; set; }

    /// <summary>The asset's storage prefix, <c>media/{AssetId}/</c>, ending in '/' so it never covers a sibling like <c>media/{AssetId}x/</c>.</summary>
    public required string StoragePrefix { get; set; }

    public required string RequestId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The files the asset's rows named at the commit: what the progress counts towards.</summary>
    public int TotalFiles { get; set; }

    /// <summary>The files the worker has removed so far.</summary>
    public int RemovedFiles { get; set; }

    /// <summary>When the prefix was found empty; null while files remain.</summary>
    public DateTime? CompletedAtUtc { get; set; }

    public int Attempts { get; set; }

    /// <summary>When a worker may take the record next: after a back-off, or once the lease of the worker that took it ran out.</summary>
    public DateTime NextAttemptAtUtc { get; set; }

    public string? LastError { get; set; }

    /// <summary>The prefix every file of an asset is stored below (see <see cref="Library.AssetIngestion"/> and the transcoder's outputs).</summary>
    public static string PrefixOf(string assetId) => $"media/{assetId}/";
}
