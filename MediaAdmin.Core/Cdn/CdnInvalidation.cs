using System.ComponentModel.DataAnnotations.Schema;

namespace MediaAdmin.Core.Cdn;

/// <summary>
/// The CDN URLs one deletion left cached at the edge. A delete does not purge the CDN, so this stays
/// open until somebody refreshes the URLs and marks it done.
/// </summary>
public sealed class CdnInvalidation
{
    public long Id { get; set; }

    public required string RequestId { get; set; }

    public required string DeletedByUserId { get; set; }

    public required string DeletedByName { get; set; }

    public DateTime DeletedAtUtc { get; set; }

    /// <summary>The deleted assets' IDs, comma-separated.</summary>
    public required string VideoIds { get; set; }

    /// <summary>One URL per line: the format CDN refresh consoles accept, kept as written in one go.</summary>
    public required string UrlList { get; set; }

    public int UrlCount { get; set; }

    public DateTime? RefreshedAtUtc { get; set; }

    public string? RefreshedByName { get; set; }

    /// <summary>Why a person marked it done without a verified purge; null when the probe verified it.</summary>
    public string? RefreshedReason { get; set; }

    public string? RefreshedByUserId { get; set; }

    /// <summary>
    /// Every deleted asset's folder URL and the file URLs its reminder lists, segment folders left out (one text
    /// value, see <see cref="Purge.CdnPurgeAssetText"/>); reminders written by earlier versions list every file. The
    /// listing the file removal keeps (<see cref="Purge.CdnPurgeAssetKeys"/>) adds the segments when the purge
    /// expands it. Empty for reminders written before purging existed.
    /// </summary>
    public string AssetUrls { get; set; } = "";

    public Purge.CdnPurgeState PurgeState { get; set; }

    /// <summary>When someone asked for the purge (Refresh now, Retry); null while only automatic purging may start it.</summary>
    public DateTime? PurgeRequestedAtUtc { get; set; }

    public int PurgeAttempts { get; set; }

    /// <summary>When the worker next works on this purge: a retry, a task check, a probe, or the lease of a running round.</summary>
    public DateTime? NextPurgeAtUtc { get; set; }

    /// <summary>The provider's task IDs, one per line.</summary>
    public string PurgeTaskIds { get; set; } = "";

    /// <summary>Why the last attempt did not succeed, or why the purge Failed.</summary>
    public string? PurgeError { get; set; }

    /// <summary>Why the purge waits (a daily quota spent), and until when.</summary>
    public string? PurgeWaitReason { get; set; }

    public DateTime? PurgeWaitUntilUtc { get; set; }

    public DateTime? PurgedAtUtc { get; set; }

    public DateTime? VerifiedAtUtc { get; set; }

    [NotMapped]
    public IReadOnlyList<string> Urls => UrlList.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
