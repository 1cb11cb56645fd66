using MediaAdmin.Core.Cdn.UrlAuth;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Library;

/// <summary>
/// Reads pages of the library for the console and the VOD API. Every query is index-backed and bounded:
/// sorted and filtered through indexes, titles searched through a full-text index (SQLite FTS5), counts capped.
/// </summary>
public sealed class LibraryQueryService(IDbContextFactory<MediaDbContext> dbFactory, PermissionService permissions, CdnUrlSigner signer)
{
    /// <summary>
    /// A page of the library with what the caller may delete. Forbidden when the caller may not read the
    /// library; Invalid when the query names an ID that cannot exist or too many IDs.
    /// </summary>
    public async Task<Result<LibraryResult>> QueryAsync(string userId, LibraryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await QueryAsync(db, userId, query, cancellationToken);
    }

    /// <summary>
    /// The assets of a page with their snapshot URLs (signed now while URL authentication is on), for the VOD API;
    /// fails as <see cref="QueryAsync(string, LibraryQuery, CancellationToken)"/> does.
    /// </summary>
    public async Task<Result<AssetDetailsPage>> DetailsAsync(string userId, LibraryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var queried = await QueryAsync(db, userId, query, cancellationToken);
        if (!queried.IsSuccess)
        {
            return queried.Problem;
        }

        var page = queried.Value;
        return page.Rows.Count == 0
            ? new AssetDetailsPage([], page.TotalCount)
            : new AssetDetailsPage(await DetailsOfAsync(db, page.Rows, cancellationToken), page.TotalCount);
    }

    /// <summary>The categories to filter by.</summary>
    public async Task<IReadOnlyList<Category>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
    }

    private async Task<Result<LibraryResult>> QueryAsync(MediaDbContext db, string userId, LibraryQuery query, CancellationToken cancellationToken)
    {
        var filtered = LibraryFilter.Apply(db, query, userId);
        if (!filtered.IsSuccess)
        {
            return filtered.Problem;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var who = await permissions.GetAsync(db, userId, cancellationToken);
        if (!who.Has(PermissionNames.ReadMedia))
        {
            return Problem.Forbidden("Your role does not allow viewing the library.");
        }

        var pageSize = Math.Clamp(query.PageSize, 1, LibraryQuery.MaxPageSize);
        var page = Math.Max(0, query.Page);
        var (assets, narrowed) = filtered.Value;
        var search = await TitleSearch.ForAsync(db, query.Search, cancellationToken);
        var candidates = !search.HasWords ? assets
            : search.KeysFollowCreation && query.Sort == LibrarySort.Created && !narrowed && query.After is null
                ? await search.FirstInCreationOrderAsync(assets, query.Descending, (page + 1) * pageSize, cancellationToken)
                : search.Apply(assets);
        var sorted = Sort(LibrarySeek.After(candidates, query), query);
        var rows = await (query.After is null ? sorted.Skip(page * pageSize) : sorted)
            .Take(pageSize)
            .Select(LibraryPageQueries.PageRow)
            .ToListAsync(cancellationToken);

        // Ordered only so that the cap is well defined: by creation time, which every filter index ends in.
        var capped = search.HasWords
            ? await search.CountAsync(assets, narrowed, LibraryResult.CountCap + 1, cancellationToken)
            : await assets.OrderBy(a => a.CreatedAtUtc).Take(LibraryResult.CountCap + 1).CountAsync(cancellationToken);
        return new LibraryResult(
            rows.Select(r => r.Row with
            {
                DeleteDeniedReason = who.DeleteDeniedReason(new AssetOwnership(r.Row.OwnerId, r.Row.OwnerName, r.CategoryId, r.Row.Category)),
                ThumbnailUrl = r.RemoteCover ?? (r.Row.ThumbnailKey is null ? null : signer.ConsoleUrl(r.Row.ThumbnailKey)),
            }).ToList(),
            Math.Min(capped, LibraryResult.CountCap),
            capped > LibraryResult.CountCap);
    }

    private async Task<List<AssetDetails>> DetailsOfAsync(MediaDbContext db, IReadOnlyList<LibraryRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var assets = await LibraryPageQueries.Details(db, ids).ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, cancellationToken);
        var snapshots = (await LibraryPageQueries.Snapshots(db, ids).ToListAsync(cancellationToken)).ToLookup(f => f.AssetId);

        // A mirrored video has no files here: its cover and snapshots are the remote's URLs, as the last sync saw them.
        var remotes = await LibraryPageQueries.Remotes(db, ids).ToDictionaryAsync(r => r.AssetId, StringComparer.Ordinal, cancellationToken);
        return rows.Where(r => assets.ContainsKey(r.Id)).Select(r =>
        {
            var files = snapshots[r.Id].Select(s => signer.Sign(s.CdnUrl)).ToList();
            var remote = remotes.GetValueOrDefault(r.Id);
            var shots = files.Count > 0 || remote?.SnapshotUrls is null ? files : [.. remote.SnapshotUrls.Split('\n')];
            return new AssetDetails(
                r.Id, r.Title, assets[r.Id].Description, r.MediaType, r.Status, r.DurationSeconds, r.TotalSizeBytes, assets[r.Id].CategoryId, r.Category,
                r.CreatedAtUtc, assets[r.Id].UpdatedAtUtc, remote?.CoverUrl ?? files.FirstOrDefault(), shots);
        }).ToList();
    }

    private static IQueryable<MediaAsset> Sort(IQueryable<MediaAsset> assets, LibraryQuery query) => (query.Sort, query.Descending) switch
    {
        (LibrarySort.Title, false) => assets.OrderBy(a => a.Title).ThenBy(a => a.Id),
        (LibrarySort.Title, true) => assets.OrderByDescending(a => a.Title).ThenByDescending(a => a.Id),
        (LibrarySort.Size, false) => assets.OrderBy(a => a.TotalSizeBytes).ThenBy(a => a.Id),
        (LibrarySort.Size, true) => assets.OrderByDescending(a => a.TotalSizeBytes).ThenByDescending(a => a.Id),
        (LibrarySort.Duration, false) => assets.OrderBy(a => a.DurationSeconds).ThenBy(a => a.Id),
        (LibrarySort.Duration, true) => assets.OrderByDescending(a => a.DurationSeconds).ThenByDescending(a => a.Id),
        (LibrarySort.Modified, false) => assets.OrderBy(a => a.UpdatedAtUtc).ThenBy(a => a.Id),
        (LibrarySort.Modified, true) => assets.OrderByDescending(a => a.UpdatedAtUtc).ThenByDescending(a => a.Id),
        (_, false) => assets.OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id),
        _ => assets.OrderByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.Id),
    };
}
