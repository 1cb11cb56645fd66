using System.Globalization;
using MediaAdmin.Core.Library;
using Microsoft.AspNetCore.WebUtilities;

namespace MediaAdmin.Web.Components.Pages.Library;

/// <summary>The library view in the URL and back, so a reload or a shared link shows the same view.</summary>
public static class LibraryUrl
{
    public static string For(LibraryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var defaults = new LibraryQuery();
        var parameters = new Dictionary<string, string?>();
        void Put(string key, object? value, object? fallback)
        {
            if (value is not null && !Equals(value, fallback))
            {
                parameters[key] = Convert.ToString(value, CultureInfo.InvariantCulture)!.ToLowerInvariant();
            }
        }

        Put("page", query.Page + 1, defaults.Page + 1);
        Put("size", query.PageSize, defaults.PageSize);
        Put("sort", query.Sort, defaults.Sort);
        Put("dir", query.Descending ? "desc" : "asc", "desc");
        Put("type", query.MediaType, null);
        Put("status", query.Status, null);
        Put("cat", query.CategoryId, null);
        Put("mine", query.MineOnly ? "1" : null, null);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            parameters["q"] = query.Search.Trim();
        }

        if (!string.IsNullOrWhiteSpace(query.VideoId))
        {
            parameters["id"] = query.VideoId.Trim();
        }

        return QueryHelpers.AddQueryString("/", parameters);
    }

    /// <summary>Reads a view from query values; anything unreadable falls back to the default rather than failing the page.</summary>
    public static LibraryQuery Parse(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string? Get(string key) => values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        int? Int(string key) => int.TryParse(Get(key), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

        // Names only: Enum.TryParse would also take numbers and "title,size" (flags), which no link of ours contains.
        T? Enum<T>(string key) where T : struct, System.Enum =>
            System.Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => string.Equals(v.ToString(), Get(key), StringComparison.OrdinalIgnoreCase));

        var defaults = new LibraryQuery();
        return new LibraryQuery
        {
            // The pager never goes past the capped count; a larger page is a hand-made link and would overflow the offset.
            Page = Int("page") is { } page && page is >= 1 and <= LibraryResult.CountCap ? page - 1 : defaults.Page,
            PageSize = Int("size") is { } size && size is >= 1 and <= LibraryQuery.MaxPageSize ? size : defaults.PageSize,
            Sort = Enum<LibrarySort>("sort") ?? defaults.Sort,
            Descending = Get("dir") != "asc",
            MediaType = Enum<MediaType>("type"),
            Status = Enum<MediaStatus>("status"),
            CategoryId = long.TryParse(Get("cat"), NumberStyles.None, CultureInfo.InvariantCulture, out var cat) ? cat : null,
            MineOnly = Get("mine") == "1",
            Search = Get("q") is { } q && q.Length <= 200 ? q : null,
            VideoId = Get("id") is { } id && VideoId.IsWellFormed(id) ? id : null,
        };
    }
}
