using MediaAdmin.Core.Data;
using MediaAdmin.Core.Permissions;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Library;

/// <summary>
/// Reads pages of the library for the console. Every query is index-backed and bounded: sorted and
/// filtered through indexes, titles searched through a full-text index (SQLite FTS5), counts capped.
/// </summary>
public sealed class LibraryQueryService(IDbContextFactory<MediaDbContext> dbFactory, PermissionService permissions)
{
    public async Task<LibraryResult> QueryAsync(string userId, LibraryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var who = await permissions.GetAsync(db, userId, cancellationToken);
        if (!who.Has(PermissionNames.ReadMedia))
        {
            return new LibraryResult([], 0, false);
        }

        var assets = Filter(db, query, userId);
        if (assets is null)
        {
            return new LibraryResult([], 0, false);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, LibraryQuery.MaxPageSize);
        var page = Math.Max(0, query.Page);
        var rows = await Sort(assets, query)
            .Skip(page * pageSize)
            .Take(pageSize)
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
                Thumbnail = a.Files.Where(f => f.Kind == MediaFileKind.Snapshot).OrderBy(f => f.SnapshotKind).ThenBy(f => f.Id).Select(f => f.StorageKey).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var capped = await assets.Take(LibraryResult.CountCap + 1).CountAsync(cancellationToken);
        return new LibraryResult(
            rows.Select(r => new LibraryRow(
                r.Id, r.Title, r.MediaType, r.Status, r.DurationSeconds, r.TotalSizeBytes, r.OwnerId, r.OwnerName, r.Category,
                r.CreatedAtUtc, r.Thumbnail, who.DeleteDeniedReason(r.OwnerId, r.OwnerName))).ToList(),
            Math.Min(capped, LibraryResult.CountCap),
            capped > LibraryResult.CountCap);
    }

    /// <summary>The assets of a page with their snapshot URLs, for the VOD API; empty when the caller may not read.</summary>
    public async Task<(IReadOnlyList<AssetDetails> Assets, int Total)> DetailsAsync(string userId, LibraryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = await QueryAsync(userId, query, cancellationToken);
        if (page.Rows.Count == 0)
        {
            return ([], page.TotalCount);
        }

        var ids = page.Rows.Select(r => r.Id).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assets = await db.MediaAssets.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Description, a.CategoryId, a.UpdatedAtUtc })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        var snapshots = (await db.MediaFiles.AsNoTracking()
                .Where(f => ids.Contains(f.AssetId) && f.Kind == MediaFileKind.Snapshot)
                .OrderBy(f => f.SnapshotKind).ThenBy(f => f.Id)
                .Select(f => new { f.AssetId, f.CdnUrl, f.SnapshotKind })
                .ToListAsync(cancellationToken))
            .ToLookup(f => f.AssetId);
        var details = page.Rows.Where(r => assets.ContainsKey(r.Id)).Select(r => new AssetDetails(
            r.Id, r.Title, assets[r.Id].Description, r.MediaType, r.Status, r.DurationSeconds, r.TotalSizeBytes, assets[r.Id].CategoryId, r.Category,
            r.CreatedAtUtc, assets[r.Id].UpdatedAtUtc, snapshots[r.Id].Select(s => s.CdnUrl).FirstOrDefault(), snapshots[r.Id].Select(s => s.CdnUrl).ToList())).ToList();
        return (details, page.TotalCount);
    }

    /// <summary>The categories to filter by.</summary>
    public async Task<IReadOnlyList<Category>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
    }

    /// <summary>The filtered assets, or null when the query can match nothing (e.g. a malformed exact ID).</summary>
    internal static IQueryable<MediaAsset>? Filter(MediaDbContext db, LibraryQuery query, string userId)
    {
        IQueryable<MediaAsset> assets = db.MediaAssets.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.VideoId))
        {
            var id = query.VideoId.Trim();
            if (!VideoId.IsWellFormed(id))
            {
                return null;
            }

            assets = assets.Where(a => a.Id == id);
        }

        var words = TitleSearch.Words(query.Search);
        if (words.Count > 0)
        {
            assets = TitleSearch.Apply(db, assets, words);
        }

        if (query.VideoIds is { Count: > 0 } ids)
        {
            var wellFormed = ids.Where(VideoId.IsWellFormed).Take(Deletion.VideoIdList.MaxIds).ToList();
            assets = assets.Where(a => wellFormed.Contains(a.Id));
        }

        if (query.Statuses is { Count: > 0 } statuses)
        {
            assets = assets.Where(a => statuses.Contains(a.Status));
        }

        if (query.CreatedFromUtc is { } from)
        {
            assets = assets.Where(a => a.CreatedAtUtc >= from);
        }

        if (query.CreatedToUtc is { } to)
        {
            assets = assets.Where(a => a.CreatedAtUtc <= to);
        }

        if (query.MediaType is { } type)
        {
            assets = assets.Where(a => a.MediaType == type);
        }

        if (query.Status is { } status)
        {
            assets = assets.Where(a => a.Status == status);
        }

        if (query.CategoryId is { } category)
        {
            assets = assets.Where(a => a.CategoryId == category);
        }

        if (query.MineOnly)
        {
            assets = assets.Where(a => a.OwnerId == userId);
        }

        return assets;
    }

    private static IQueryable<MediaAsset> Sort(IQueryable<MediaAsset> assets, LibraryQuery query) => (query.Sort, query.Descending) switch
    {
        (LibrarySort.Title, false) => assets.OrderBy(a => a.Title).ThenBy(a => a.Id),
        (LibrarySort.Title, true) => assets.OrderByDescending(a => a.Title).ThenByDescending(a => a.Id),
        (LibrarySort.Size, false) => assets.OrderBy(a => a.TotalSizeBytes).ThenBy(a => a.Id),
        (LibrarySort.Size, true) => assets.OrderByDescending(a => a.TotalSizeBytes).ThenByDescending(a => a.Id),
        (LibrarySort.Duration, false) => assets.OrderBy(a => a.DurationSeconds).ThenBy(a => a.Id),
        (LibrarySort.Duration, true) => assets.OrderByDescending(a => a.DurationSeconds).ThenByDescending(a => a.Id),
        (_, false) => assets.OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id),
        _ => assets.OrderByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.Id),
    };
}
