namespace MediaAdmin.Core.Audit;

/// <summary>What to look for in the deletion audit log.</summary>
public sealed record AuditQuery(string? Text = null, DeletionChannel? Channel = null, DateTime? FromUtc = null, DateTime? ToUtc = null, int Page = 0, int PageSize = 50);
