using System.Globalization;

namespace MediaAdmin.Core.Deletion;

/// <summary>
/// How far the removal of a deletion's files has got: <see cref="RemovedFiles"/> of <see cref="TotalFiles"/>
/// (counted at the commit), until storage holds none of them any more. <see cref="RetryReason"/> says why a removal
/// is waiting to try again (storage or the database failed), so a count that stops moving is explained.
/// </summary>
public sealed record FileRemovalProgress(string RequestId, int TotalFiles, int RemovedFiles, bool IsClean, string? RetryReason = null)
{
    /// <summary>The line the results panel and the CDN refresh page show: "1,840 of 60,000 files removed" or "Storage clean".</summary>
    public string Text => IsClean
        ? "Storage clean"
        : string.Create(CultureInfo.InvariantCulture, $"{RemovedFiles:N0} of {TotalFiles:N0} files removed");

    /// <summary>Nothing of the request is pending: its files are gone, or it deleted none.</summary>
    public static FileRemovalProgress Clean(string requestId) => new(requestId, 0, 0, IsClean: true);
}
