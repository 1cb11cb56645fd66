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

    public DateTime? RefreshedAtUtc { get; set; }

    public string? RefreshedByName { get; set; }

    public List<CdnInvalidationUrl> Urls { get; set; } = [];
}

public sealed class CdnInvalidationUrl
{
    public long Id { get; set; }

    public long InvalidationId { get; set; }

    public required string VideoId { get; set; }

    public required string Url { get; set; }
}
