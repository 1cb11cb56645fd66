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

    [NotMapped]
    public IReadOnlyList<string> Urls => UrlList.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
