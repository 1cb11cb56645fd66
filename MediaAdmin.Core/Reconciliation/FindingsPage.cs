namespace MediaAdmin.Core.Reconciliation;

/// <summary>A page of a run's findings of one kind, with how many there are in all.</summary>
public sealed record FindingsPage(IReadOnlyList<FindingLine> Lines, long TotalCount);
