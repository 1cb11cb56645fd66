namespace MediaAdmin.Core.Reconciliation;

/// <summary>One finding of a run as listed on the page.</summary>
public sealed record FindingLine(string StorageKey, string? AssetId, DateTime? LastModifiedUtc, FindingOutcome Outcome, string? Error);
