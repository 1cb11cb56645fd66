namespace MediaAdmin.Core.Reconciliation;

/// <summary>One page of the library walk: how many rows it checked, the last row's id, and what it found.</summary>
internal sealed record LibraryPage(int FilesChecked, long LastFileId, IReadOnlyList<ReconciliationFinding> Findings);
