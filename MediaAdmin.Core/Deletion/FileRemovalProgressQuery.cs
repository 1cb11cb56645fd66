using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Deletion;

/// <summary>Reads the file removal progress of deletions on a context the caller has open (the CDN refresh page's list reads it with its page).</summary>
internal static class FileRemovalProgressQuery
{
    /// <summary>The progress of each of <paramref name="requestIds"/>; a request with nothing pending is clean.</summary>
    public static async Task<IReadOnlyDictionary<string, FileRemovalProgress>> ForAsync(
        MediaDbContext db, IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestIds);
        var ids = requestIds.Distinct(StringComparer.Ordinal).ToList();
        var pending = await db.PendingFileDeletions.AsNoTracking()
            .Where(p => ids.Contains(p.RequestId))
            .OrderBy(p => p.Id)
            .Select(p => new { p.RequestId, p.TotalFiles, p.RemovedFiles, Done = p.CompletedAtUtc != null, p.LastError })
            .ToListAsync(cancellationToken);

        var byRequest = pending.ToLookup(p => p.RequestId, StringComparer.Ordinal);
        return ids.ToDictionary(
            id => id,
            id =>
            {
                var records = byRequest[id].ToList();
                if (records.All(r => r.Done))
                {
                    return FileRemovalProgress.Clean(id);
                }

                // A removal can meet more files than its rows named (an ingest racing the delete); never show more than all.
                var total = records.Sum(r => r.TotalFiles);
                var removed = records.Sum(r => r.Done ? r.TotalFiles : Math.Min(r.RemovedFiles, r.TotalFiles));
                var lastError = records.Where(r => !r.Done).Select(r => r.LastError).FirstOrDefault(e => e is not null);
                return new FileRemovalProgress(id, total, removed, IsClean: false, ShownReason(lastError));
            },
            StringComparer.Ordinal);
    }

    /// <summary>The first line of a failure, short enough for a progress line: the whole of it is in the worker's log.</summary>
    private static string? ShownReason(string? lastError) =>
        lastError is null ? null : ColumnText.Shorten(lastError.Split('\n', 2)[0].Trim(), 200);
}
