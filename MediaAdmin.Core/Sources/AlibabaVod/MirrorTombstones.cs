using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>The <see cref="RemovedRemoteAsset"/> rows the mirror writes on removal and reads before every upsert.</summary>
internal static class MirrorTombstones
{
    /// <summary>Records <paramref name="ids"/> as removed at <paramref name="removedAtUtc"/> (saved with the context's next save).</summary>
    public static async Task RecordAsync(MediaDbContext db, IReadOnlyList<string> ids, DateTime removedAtUtc, CancellationToken cancellationToken)
    {
        var known = await db.RemovedRemoteAssets.Where(r => ids.Contains(r.AssetId)).ToDictionaryAsync(r => r.AssetId, StringComparer.Ordinal, cancellationToken);
        foreach (var id in ids)
        {
            if (known.TryGetValue(id, out var removed))
            {
                removed.RemovedAtUtc = removedAtUtc;
            }
            else
            {
                db.RemovedRemoteAssets.Add(new RemovedRemoteAsset { AssetId = id, RemovedAtUtc = removedAtUtc });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Of <paramref name="ids"/>, those removed at or after <paramref name="readStartedAtUtc"/>: data read before knows nothing of it.</summary>
    public static async Task<HashSet<string>> RemovedSinceAsync(MediaDbContext db, IReadOnlyList<string> ids, DateTime readStartedAtUtc, CancellationToken cancellationToken) =>
        (await db.RemovedRemoteAssets.AsNoTracking()
            .Where(r => ids.Contains(r.AssetId) && r.RemovedAtUtc >= readStartedAtUtc)
            .Select(r => r.AssetId)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
}
