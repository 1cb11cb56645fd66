using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Deletion;

/// <summary>What the confirmation dialog shows for one selected asset.</summary>
public sealed record DeletionPreviewItem(
    string Id, string Title, int Mezzanines, int Streams, int Snapshots, long TotalBytes, string? DeniedReason)
{
    public bool CanDelete => DeniedReason is null;

    public int FileCount => Mezzanines + Streams + Snapshots;
}

/// <summary>The whole confirmation: every selected asset, which are missing already, and the totals of what will go.</summary>
public sealed record DeletionPreview(IReadOnlyList<DeletionPreviewItem> Items, IReadOnlyList<string> Missing)
{
    public IEnumerable<DeletionPreviewItem> Deletable => Items.Where(i => i.CanDelete);

    public int FilesToRemove => Deletable.Sum(i => i.FileCount);

    public long BytesToRemove => Deletable.Sum(i => i.TotalBytes);
}

/// <summary>Counts what a deletion would remove, without removing anything; the service has the final word.</summary>
public sealed class DeletionPreviewService(IDbContextFactory<MediaDbContext> dbFactory, PermissionService permissions)
{
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
                Mezzanines = a.Files.Count(f => f.Kind == MediaFileKind.Mezzanine),
                Streams = a.Files.Count(f => f.Kind == MediaFileKind.Stream),
                Snapshots = a.Files.Count(f => f.Kind == MediaFileKind.Snapshot),
                Bytes = a.Files.Sum(f => f.SizeBytes),
            })
            .ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, cancellationToken);

        var items = ids.Where(found.ContainsKey).Select(id => found[id])
            .Select(a => new DeletionPreviewItem(a.Id, a.Title, a.Mezzanines, a.Streams, a.Snapshots, a.Bytes, who.DeleteDeniedReason(a.OwnerId, a.OwnerName)))
            .ToList();
        return new DeletionPreview(items, ids.Where(id => !found.ContainsKey(id)).ToList());
    }
}
