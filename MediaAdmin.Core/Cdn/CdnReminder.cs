namespace MediaAdmin.Core.Cdn;

/// <summary>A deletion whose URLs the CDN may still serve, as the CDN refresh page lists it.</summary>
public sealed record CdnReminder(
    long Id, string RequestId, string DeletedBy, DateTime DeletedAtUtc, int UrlCount, IReadOnlyList<string> Urls, DateTime? RefreshedAtUtc, string? RefreshedBy,
    Audit.DeletionChannel Channel = Audit.DeletionChannel.Console, string? AccessKeyId = null);
