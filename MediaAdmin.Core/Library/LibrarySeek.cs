namespace MediaAdmin.Core.Library;

/// <summary>
/// The keyset step of a traversal: the assets after a <see cref="LibraryPosition"/> in creation or modification
/// order. Written as "time at or after, and then strictly after by ID on a tie", so the time index bounds the
/// range and the database seeks to it instead of reading and skipping the pages before.
/// </summary>
internal static class LibrarySeek
{
    public static IQueryable<MediaAsset> After(IQueryable<MediaAsset> assets, LibraryQuery query)
    {
        if (query.After is not { } position)
        {
            return assets;
        }

        var (time, id) = (position.SortTimeUtc, position.Id);
        return (query.Sort, query.Descending) switch
        {
            (LibrarySort.Modified, false) => assets.Where(a => a.UpdatedAtUtc >= time && (a.UpdatedAtUtc > time || a.Id.CompareTo(id) > 0)),
            (LibrarySort.Modified, true) => assets.Where(a => a.UpdatedAtUtc <= time && (a.UpdatedAtUtc < time || a.Id.CompareTo(id) < 0)),
            (_, false) => assets.Where(a => a.CreatedAtUtc >= time && (a.CreatedAtUtc > time || a.Id.CompareTo(id) > 0)),
            _ => assets.Where(a => a.CreatedAtUtc <= time && (a.CreatedAtUtc < time || a.Id.CompareTo(id) < 0)),
        };
    }
}
