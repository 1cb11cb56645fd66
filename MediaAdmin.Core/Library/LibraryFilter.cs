using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Library;

/// <summary>The filters of a <see cref="LibraryQuery"/> other than its title words: checked, then applied.</summary>
internal static class LibraryFilter
{
    public static Result<FilteredAssets> Apply(MediaDbContext db, LibraryQuery query, string userId)
    {
        if (query.After is not null && query.Sort is not (LibrarySort.Created or LibrarySort.Modified))
        {
            return Problem.Invalid("A traversal position applies only to creation or modification order.");
        }

        var library = db.MediaAssets.AsNoTracking();
        var assets = library;
        if (!string.IsNullOrWhiteSpace(query.VideoId))
        {
            var id = query.VideoId.Trim();
            if (!VideoId.IsWellFormed(id))
            {
                return Problem.Invalid($"A video ID is {VideoId.Length} characters, each 0-9 or a-f; check the ID filter.");
            }

            assets = assets.Where(a => a.Id == id);
        }

        if (query.VideoIds is { Count: > 0 } ids)
        {
            if (ids.Count > VideoIdList.MaxIds)
            {
                return Problem.Invalid($"At most {VideoIdList.MaxIds} video IDs can be looked up at once; {ids.Count} were given.");
            }

            // An ID that cannot exist matches nothing, as an unknown one does.
            var wellFormed = ids.Where(VideoId.IsWellFormed).ToList();
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

        if (query.ModifiedFromUtc is { } modifiedFrom)
        {
            assets = assets.Where(a => a.UpdatedAtUtc >= modifiedFrom);
        }

        if (query.ModifiedToUtc is { } modifiedTo)
        {
            assets = assets.Where(a => a.UpdatedAtUtc <= modifiedTo);
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

        return new FilteredAssets(assets, IsNarrowed: !ReferenceEquals(assets, library));
    }
}
