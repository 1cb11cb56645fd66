using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Deletion;

/// <summary>Counts what a deletion would remove, without removing anything; the service has the final word.</summary>
public sealed class DeletionPreviewService(IDbContextFactory<MediaDbContext> dbFactory, PermissionService permissions)
{
    /// <summary>
    /// Whether the user may delete anything at all (at least assets of their own, or with the AlibabaVod source videos
    /// in a category granted to them), or why not: a Viewer's selection, or that of an Editor granted no category, can
    /// be copied but never offered for deletion. Re-read from the database on every call.
    /// </summary>
    public async Task<Result<Done>> MayDeleteAnyAsync(string userId, CancellationToken cancellationToken = default)
    {
        var who = await permissions.GetAsync(userId, cancellationToken);
        return who.DeleteNothingReason() is { } reason ? Problem.Forbidden(reason) : Result.Ok();
    }

    /// <summary>Every selected asset, in the order given, with what it holds and why it may not be deleted; IDs not found are listed as missing.</summary>
    public async Task<DeletionPreview> PreviewAsync(string userId, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var who = await permissions.GetAsync(db, userId, cancellationToken);
        var lookup = ids.Where(VideoId.IsWellFormed).Distinct(StringComparer.Ordinal).ToList();
        var found = await db.MediaAssets.AsNoTracking()
            .Where(a => lookup.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.OwnerId,
                OwnerName = a.Owner!.DisplayName ?? a.Owner.UserName,
                a.CategoryId,
                CategoryName = a.Category!.Name,
                Mezzanines = a.Files.Count(f => f.Kind == MediaFileKind.Mezzanine),
                Streams = a.Files.Count(f => f.Kind == MediaFileKind.Stream),
                Snapshots = a.Files.Count(f => f.Kind == MediaFileKind.Snapshot),
                Bytes = a.Files.Sum(f => f.SizeBytes),
            })
            .ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, cancellationToken);

        var items = ids.Where(found.ContainsKey).Select(id => found[id])
            .Select(a => new DeletionPreviewItem(
                a.Id, a.Title, a.Mezzanines, a.Streams, a.Snapshots, a.Bytes, who.DeleteDeniedReason(new AssetOwnership(a.OwnerId, a.OwnerName, a.CategoryId, a.CategoryName))))
            .ToList();
        return new DeletionPreview(items, ids.Where(id => !found.ContainsKey(id)).ToList());
    }
}
