using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Deletion;

/// <summary>
/// Answers whether storage keys are still being removed by a deletion: ingestion must not write there, and
/// reconciliation counts such files as accounted for rather than as orphans.
/// </summary>
public sealed class PendingRemovals(IDbContextFactory<MediaDbContext> dbFactory)
{
    /// <summary>
    /// Whether <paramref name="keyOrPrefix"/> (a storage key, or a prefix ending in '/') lies below a prefix whose
    /// removal is pending, or, for a prefix, holds one. Whole segments only: <c>media/ab/</c> never covers <c>media/abc/x</c>.
    /// </summary>
    public async Task<bool> IsPendingAsync(string keyOrPrefix, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyOrPrefix);
        var prefixes = await PrefixesAsync(cancellationToken);
        return prefixes.Any(p => Covers(p, keyOrPrefix) || (keyOrPrefix.EndsWith('/') && p.StartsWith(keyOrPrefix, StringComparison.Ordinal)));
    }

    /// <summary>Every prefix whose removal is pending, for callers checking many keys (with <see cref="Covers"/>).</summary>
    public async Task<IReadOnlyList<string>> PrefixesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PendingFileDeletions.AsNoTracking().Where(p => p.CompletedAtUtc == null).Select(p => p.StoragePrefix).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>Whether the pending <paramref name="prefix"/> (ending in '/') covers <paramref name="key"/>.</summary>
    public static bool Covers(string prefix, string key)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(key);
        return prefix.EndsWith('/') && key.StartsWith(prefix, StringComparison.Ordinal);
    }
}
