namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>The answer to Refresh now for a selection: the deletions queued for a purge, and those skipped with the reason.</summary>
public sealed record CdnRefreshRequested(IReadOnlyList<string> Queued, IReadOnlyList<CdnRefreshSkipped> Skipped);

/// <summary>A deletion Refresh now left alone, and why (already verified, marked done, being purged).</summary>
public sealed record CdnRefreshSkipped(string RequestId, string Reason);
