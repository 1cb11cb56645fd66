namespace MediaAdmin.Core.Audit;

/// <summary>
/// A person closing a deletion's CDN reminder without a verified purge (Mark done): who, when and why. Written once by
/// the CDN purge service (a closed reminder cannot be marked again, retried or refreshed), so the audit log reads it
/// from the deletion's reminder rather than keeping a copy.
/// </summary>
public sealed record AuditCdnMarkDone(string By, DateTime AtUtc, string? Reason);
