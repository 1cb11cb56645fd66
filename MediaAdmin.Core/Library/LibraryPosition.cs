namespace MediaAdmin.Core.Library;

/// <summary>
/// Where a traversal in creation or modification order stopped: the sort time and ID of the last asset handed out.
/// The next page starts right after it, whatever was added or deleted meanwhile.
/// </summary>
public sealed record LibraryPosition(DateTime SortTimeUtc, string Id);
