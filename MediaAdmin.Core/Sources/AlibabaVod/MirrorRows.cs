using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>How <see cref="RemoteMirror"/> writes the remote's view into rows: an asset's fields, its categories, the owner of them all.</summary>
internal static class MirrorRows
{
    /// <summary>Writes the remote's view into the row; true when anything a person would see changed.</summary>
    public static bool Apply(VodRemoteVideo video, MediaAsset asset)
    {
        var before = (asset.Title, asset.Description, asset.MediaType, asset.Status, asset.DurationSeconds, asset.TotalSizeBytes, asset.CategoryId, asset.UpdatedAtUtc);
        asset.Title = ColumnText.Cut(video.Title, MediaAsset.TitleMaxLength) ?? "";
        asset.Description = ColumnText.Cut(video.Description, MediaAsset.DescriptionMaxLength);
        asset.MediaType = video.MediaType ?? asset.MediaType;
        asset.Status = video.MediaStatus;
        asset.DurationSeconds = video.DurationSeconds;
        asset.TotalSizeBytes = video.SizeBytes;
        asset.SourceSizeBytes = video.SizeBytes;
        asset.CategoryId = video.CateId;
        asset.CreatedAtUtc = video.CreatedAtUtc;
        asset.UpdatedAtUtc = video.ModifiedAtUtc ?? video.CreatedAtUtc;
        return before != (asset.Title, asset.Description, asset.MediaType, asset.Status, asset.DurationSeconds, asset.TotalSizeBytes, asset.CategoryId, asset.UpdatedAtUtc);
    }

    public static async Task EnsureOwnerAsync(MediaDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == RemoteLibraryOwner.UserId, cancellationToken))
        {
            db.Users.Add(RemoteLibraryOwner.NewUser(now));
        }
    }

    /// <summary>Adds the categories the videos name and follows a rename on the remote.</summary>
    public static async Task UpsertCategoriesAsync(MediaDbContext db, List<VodRemoteVideo> videos, CancellationToken cancellationToken)
    {
        var named = videos.Where(v => v.CateId is not null)
            .GroupBy(v => v.CateId!.Value)
            .ToDictionary(g => g.Key, g => ColumnText.Cut(g.Last().CateName, Category.NameMaxLength) is { Length: > 0 } name ? name : $"Category {g.Key}");
        if (named.Count == 0)
        {
            return;
        }

        var ids = named.Keys.ToList();
        var known = await db.Categories.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var added = new List<Category>();
        foreach (var (id, name) in named)
        {
            if (known.TryGetValue(id, out var category))
            {
                category.Name = name;
            }
            else
            {
                added.Add(new Category { Id = id, Name = name });
            }
        }

        await db.AddWithRemoteIdsAsync(added, cancellationToken);
    }
}
