using MediaAdmin.Core.Data;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Library;

/// <summary>
/// Reads one asset with its files for the console's asset drawer and the VOD API's GetPlayInfo,
/// re-reading the caller's permissions from the database on every call.
/// </summary>
public sealed class AssetPreviewService(IDbContextFactory<MediaDbContext> dbFactory, PermissionService permissions)
{
    /// <summary>
    /// The asset <paramref name="assetId"/> as <paramref name="userId"/> may see it now. Forbidden when the caller
    /// may not read the library; NotFound when no asset has this ID (or the ID cannot be one).
    /// </summary>
    public async Task<Result<AssetPreview>> GetAsync(string userId, string? assetId, CancellationToken cancellationToken = default)
    {
        var who = await permissions.GetAsync(userId, cancellationToken);
        if (!who.Has(PermissionNames.ReadMedia))
        {
            return Problem.Forbidden("Your role does not allow viewing the library.");
        }

        var id = assetId?.Trim();
        if (id is null || !VideoId.IsWellFormed(id))
        {
            return Problem.NotFound($"No asset has the ID '{assetId}'.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var asset = await db.MediaAssets.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.MediaType,
                a.Status,
                a.DurationSeconds,
                a.TotalSizeBytes,
                a.OwnerId,
                OwnerName = a.Owner!.DisplayName ?? a.Owner.UserName ?? a.OwnerId,
                Category = a.Category!.Name,
                a.CreatedAtUtc,
                a.UpdatedAtUtc,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (asset is null)
        {
            return Problem.NotFound($"No asset has the ID '{id}'; it may have just been deleted.");
        }

        var prefix = $"media/{id}/";
        var files = (await db.MediaFiles.AsNoTracking().Where(f => f.AssetId == id).ToListAsync(cancellationToken))
            .OrderBy(f => f.Kind).ThenBy(f => f.StorageKey, StringComparer.Ordinal)
            .Select(f => new PreviewFile(
                f.Kind, f.StorageKey.StartsWith(prefix, StringComparison.Ordinal) ? f.StorageKey[prefix.Length..] : f.StorageKey, f.StorageKey, f.CdnUrl,
                f.Format, f.SizeBytes, f.Definition, f.BitrateKbps, f.Width, f.Height, f.SnapshotKind))
            .ToList();
        return new AssetPreview(
            asset.Id, asset.Title, asset.MediaType, asset.Status, asset.DurationSeconds, asset.TotalSizeBytes, asset.OwnerName, asset.Category,
            asset.CreatedAtUtc, asset.UpdatedAtUtc, files, who.DeleteDeniedReason(asset.OwnerId, asset.OwnerName));
    }
}
