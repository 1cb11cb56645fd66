using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Results;
using MediaAdmin.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Cdn.UrlAuth;

/// <summary>
/// Decides whether /cdn may serve a stored file. With URL authentication on, only a valid, unexpired signature for
/// this file's path lets it through. Whether or not it is on, a Blocked asset's files and files whose removal is
/// pending are never served: both are an indexed lookup by storage key.
/// </summary>
public sealed class CdnFileAccess(IDbContextFactory<MediaDbContext> dbFactory, CdnUrlSigner signer)
{
    /// <summary>
    /// The file <paramref name="key"/> may be served (with how it was signed); Forbidden with the reason for a missing, expired or
    /// wrong signature or a Blocked asset; NotFound for a file being deleted.
    /// </summary>
    public async Task<Result<CdnFileGrant>> CheckAsync(StorageKey key, string? authKey, CancellationToken cancellationToken = default)
    {
        SignedUrlGrant? signature = null;
        if (signer.IsEnabled)
        {
            var valid = signer.Validate(signer.PathsOf(key), authKey);
            if (!valid.IsSuccess)
            {
                return valid.Problem;
            }

            signature = valid.Value;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var folders = key.Folders.ToList();
        if (await db.PendingFileDeletions.AnyAsync(p => p.CompletedAtUtc == null && folders.Contains(p.StoragePrefix), cancellationToken))
        {
            return Problem.NotFound("This file is being deleted.");
        }

        var blocked = await db.MediaFiles.Where(f => f.StorageKey == key.Value)
            .Join(db.MediaAssets, f => f.AssetId, a => a.Id, (_, a) => a.Status)
            .AnyAsync(status => status == MediaStatus.Blocked, cancellationToken);
        return blocked ? Problem.Forbidden("This file belongs to a blocked asset.") : new CdnFileGrant(signature);
    }
}
