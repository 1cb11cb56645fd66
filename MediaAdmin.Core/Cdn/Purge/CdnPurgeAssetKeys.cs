using System.ComponentModel.DataAnnotations.Schema;

namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// Every storage key of one deleted asset, as the file removal listed them just before removing them: the purge sends
/// one URL per file. Kept out of the deletion's commit, which would otherwise read and write thousands of keys for an
/// HLS ladder before it could answer. One row per asset of a purge, written once (see <see cref="CdnPurgeKeyCapture"/>).
/// </summary>
public sealed class CdnPurgeAssetKeys
{
    public long Id { get; set; }

    public long InvalidationId { get; set; }

    public required string VideoId { get; set; }

    /// <summary>The keys, one per line.</summary>
    public required string StorageKeys { get; set; }

    public DateTime CapturedAtUtc { get; set; }

    [NotMapped]
    public IReadOnlyList<string> Keys => StorageKeys.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
