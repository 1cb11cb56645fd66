using MediaAdmin.Core.Cdn.UrlAuth;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Library;

/// <summary>
/// Reads one asset with its files for the console's asset drawer and the VOD API's GetPlayInfo. The asset
/// itself is the library's row for it, so permissions are re-read from the database as for every library page.
/// The URLs it hands out are signed at the time of the call while URL authentication is on.
/// </summary>
public sealed class AssetPreviewService(IDbContextFactory<MediaDbContext> dbFactory, LibraryQueryService library, CdnUrlSigner signer)
{
    /// <summary>
    /// The asset <paramref name="assetId"/> as <paramref name="userId"/> may see it now. Forbidden when the caller
    /// may not read the library; NotFound when no asset has this ID (or the ID cannot be one).
    /// </summary>
    public async Task<Result<AssetPreview>> GetAsync(string userId, string? assetId, CancellationToken cancellationToken = default)
    {
        var id = assetId?.Trim();
        if (id is null || !VideoId.IsWellFormed(id))
        {
            return Problem.NotFound($"No asset has the ID '{assetId}'.");
        }

        var row = await library.QueryAsync(userId, new LibraryQuery { VideoId = id, PageSize = 1 }, cancellationToken);
        if (!row.IsSuccess)
        {
            return row.Problem;
        }

        if (row.Value.Rows is not [var asset])
        {
            return Problem.NotFound($"No asset has the ID '{id}'; it may have just been deleted.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var updatedAtUtc = await db.MediaAssets.Where(a => a.Id == id).Select(a => a.UpdatedAtUtc).FirstOrDefaultAsync(cancellationToken);
        var prefix = $"media/{id}/";
        var files = (await db.MediaFiles.AsNoTracking().Where(f => f.AssetId == id).ToListAsync(cancellationToken))
            .OrderBy(f => f.Kind).ThenBy(f => f.StorageKey, StringComparer.Ordinal)
            .Select(f => new PreviewFile(
                f.Kind, f.StorageKey.StartsWith(prefix, StringComparison.Ordinal) ? f.StorageKey[prefix.Length..] : f.StorageKey, f.StorageKey, f.CdnUrl,
                f.Format, f.SizeBytes, f.Definition, f.BitrateKbps, f.Width, f.Height, f.SnapshotKind)
            {
                ConsoleUrl = signer.ConsoleUrl(f.StorageKey),
                PlayUrl = signer.Sign(f.CdnUrl),
            })
            .ToList();
        return new AssetPreview(asset, updatedAtUtc, files);
    }
}
