using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// Keeps, for the purge of a deletion, the storage keys of one of its assets as the file removal listed them, before
/// any is removed: so a purge per file URL costs the deletion's commit nothing however many files an asset has, and a
/// removal cut off half-way has still kept every key. Does nothing without a purge provider, or once the purge was
/// closed or has expanded its URLs.
/// </summary>
public sealed class CdnPurgeKeyCapture(
    IDbContextFactory<MediaDbContext> dbFactory,
    SqliteWriteGate writeGate,
    IOptions<CdnPurgeOptions> options,
    CdnPurgeSignal signal,
    TimeProvider clock)
{
    /// <summary>Keeps <paramref name="storageKeys"/> for the purge of <paramref name="requestId"/> unless kept already.</summary>
    public async Task CaptureAsync(string requestId, string videoId, IReadOnlyList<string> storageKeys, CancellationToken cancellationToken)
    {
        if (options.Value.ProviderKind is null or CdnPurgeProviderKind.None)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invalidationId = await db.CdnInvalidations.AsNoTracking()
            .Where(i => i.RequestId == requestId && i.RefreshedAtUtc == null)
            .Where(i => !db.Set<CdnPurgeUrl>().Any(u => u.InvalidationId == i.Id))
            .Where(i => !db.Set<CdnPurgeAssetKeys>().Any(k => k.InvalidationId == i.Id && k.VideoId == videoId))
            .Select(i => (long?)i.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (invalidationId is not { } id)
        {
            return;
        }

        db.Add(new CdnPurgeAssetKeys { InvalidationId = id, VideoId = videoId, StorageKeys = string.Join('\n', storageKeys), CapturedAtUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            using (await writeGate.EnterAsync(db, cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException ex) when (KeyConflict.Is(ex))
        {
            return; // Another instance's removal of the same asset kept them first.
        }

        signal.Wake();
    }
}
