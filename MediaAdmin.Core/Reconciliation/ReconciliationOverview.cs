namespace MediaAdmin.Core.Reconciliation;

/// <summary>What the reconciliation page shows: the run in progress (if any), the latest runs, and the grace period a fix keeps to.</summary>
public sealed record ReconciliationOverview(ReconciliationSummary? Current, IReadOnlyList<ReconciliationSummary> Recent, TimeSpan OrphanGracePeriod);
