namespace MediaAdmin.Core.Deletion;

/// <summary>An asset the caller may delete, as found before the transaction; a concurrent request may still take it first.</summary>
internal sealed record DeletionCandidate(string VideoId, string Title, long TotalBytes);
