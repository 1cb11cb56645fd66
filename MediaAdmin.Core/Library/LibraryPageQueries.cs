using System.Linq.Expressions;
using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Library;

/// <summary>
/// The fixed parts of <see cref="LibraryQueryService"/>'s reads, built once. Under the API's load, building each
/// call's expression trees (and EF looking them up in its cache) cost more CPU than SQLite spent on the statements:
/// the detail reads are compiled whole, and the page's filters and sort, which vary, share one row projection.
/// </summary>
internal static class LibraryPageQueries
{
    /// <summary>A library row as read, before the caller's rights and URL signing are applied.</summary>
    public static readonly Expression<Func<MediaAsset, PageRowColumns>> PageRow = a => new PageRowColumns(
        new LibraryRow(
            a.Id,
            a.Title,
            a.MediaType,
            a.Status,
            a.DurationSeconds,
            a.TotalSizeBytes,
            a.OwnerId,
            a.Owner!.DisplayName ?? a.Owner.UserName ?? a.OwnerId,
            a.Category!.Name,
            a.CreatedAtUtc,
            a.Files.Where(f => f.Kind == MediaFileKind.Snapshot).OrderBy(f => f.SnapshotKind).ThenBy(f => f.Id).Select(f => f.StorageKey).FirstOrDefault(),
            null,
            a.MissingFiles),
        a.CategoryId,
        a.Remote!.CoverUrl);

    public static readonly Func<MediaDbContext, List<string>, IAsyncEnumerable<DetailColumns>> Details = EF.CompileAsyncQuery(
        (MediaDbContext db, List<string> ids) => db.MediaAssets.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new DetailColumns(a.Id, a.Description, a.CategoryId, a.UpdatedAtUtc)));

    /// <summary>Covers and snapshots, in the order the API lists them; sprites are for the player only.</summary>
    public static readonly Func<MediaDbContext, List<string>, IAsyncEnumerable<SnapshotColumns>> Snapshots = EF.CompileAsyncQuery(
        (MediaDbContext db, List<string> ids) => db.MediaFiles.AsNoTracking()
            .Where(f => ids.Contains(f.AssetId) && f.Kind == MediaFileKind.Snapshot && f.SnapshotKind != SnapshotKind.Sprite)
            .OrderBy(f => f.SnapshotKind).ThenBy(f => f.Id)
            .Select(f => new SnapshotColumns(f.AssetId, f.CdnUrl, f.SnapshotKind)));

    public static readonly Func<MediaDbContext, List<string>, IAsyncEnumerable<RemoteColumns>> Remotes = EF.CompileAsyncQuery(
        (MediaDbContext db, List<string> ids) => db.RemoteAssets.AsNoTracking().Where(r => ids.Contains(r.AssetId))
            .Select(r => new RemoteColumns(r.AssetId, r.CoverUrl, r.SnapshotUrls)));

    /// <summary>The row with what deciding the caller's rights and the thumbnail needs besides.</summary>
    internal sealed record PageRowColumns(LibraryRow Row, long? CategoryId, string? RemoteCover);

    internal sealed record DetailColumns(string Id, string? Description, long? CategoryId, DateTime UpdatedAtUtc);

    internal sealed record SnapshotColumns(string AssetId, string CdnUrl, SnapshotKind? SnapshotKind);

    internal sealed record RemoteColumns(string AssetId, string? CoverUrl, string? SnapshotUrls);
}
