using System.Globalization;
using System.Text.RegularExpressions;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Results;

namespace MediaAdmin.Web.Api;

/// <summary>
/// The read operations a script needs to find IDs, in Alibaba's request and response shapes for the
/// fields MediaAdmin has: GetVideoInfo, GetVideoList and SearchMedia (a documented subset of Match).
/// </summary>
internal static partial class VodReadOperations
{
    public static readonly string[] Actions = ["GetVideoInfo", "GetVideoList", "SearchMedia"];

    /// <summary>The answer body, or the error to send instead.</summary>
    public static async Task<(Dictionary<string, object>? Body, RpcError? Error)> RunAsync(
        string action, IReadOnlyDictionary<string, string> parameters, string userId, LibraryQueryService library, string requestId, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case "GetVideoInfo":
                if (!parameters.TryGetValue("VideoId", out var id) || id.Length == 0)
                {
                    return (null, RpcError.MissingParameter("VideoId"));
                }

                var found = await library.DetailsAsync(userId, new LibraryQuery { VideoId = id, PageSize = 1 }, cancellationToken);
                return found.Status == ResultStatus.Forbidden ? (null, RpcError.Forbidden)
                    : !found.IsSuccess || found.Value.Assets.Count == 0 ? (null, new RpcError("InvalidVideo.NotFound", "The video does not exist.", 404))
                    : (new() { ["RequestId"] = requestId, ["Video"] = Video(found.Value.Assets[0]) }, null);

            case "GetVideoList":
            {
                var (query, error) = Paging(parameters, maxPageSize: 100);
                if (error is not null)
                {
                    return (null, error);
                }

                if (parameters.TryGetValue("Status", out var statuses) && statuses.Length > 0)
                {
                    if (!TryStatuses(statuses.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), out var parsed))
                    {
                        return (null, RpcError.InvalidParameter("Status"));
                    }

                    query = query with { Statuses = parsed };
                }

                if (parameters.TryGetValue("CateId", out var cate) && cate.Length > 0)
                {
                    if (!long.TryParse(cate, NumberStyles.None, CultureInfo.InvariantCulture, out var cateId))
                    {
                        return (null, RpcError.InvalidParameter("CateId"));
                    }

                    query = query with { CategoryId = cateId };
                }

                foreach (var (name, apply) in new (string, Func<LibraryQuery, DateTime, LibraryQuery>)[]
                         {
                             ("StartTime", (q, t) => q with { CreatedFromUtc = t }),
                             ("EndTime", (q, t) => q with { CreatedToUtc = t }),
                         })
                {
                    if (parameters.TryGetValue(name, out var raw) && raw.Length > 0)
                    {
                        if (!RpcTime.TryParse(raw, out var time))
                        {
                            return (null, RpcError.InvalidParameter(name));
                        }

                        query = apply(query, time);
                    }
                }

                var listed = await library.DetailsAsync(userId, query, cancellationToken);
                if (!listed.IsSuccess)
                {
                    return (null, ErrorOf(listed.Problem, "Status"));
                }

                var (assets, total) = listed.Value;
                return (new() { ["RequestId"] = requestId, ["Total"] = total, ["VideoList"] = new Dictionary<string, object> { ["Video"] = assets.Select(Video).ToList() } }, null);
            }

            case "SearchMedia":
            {
                var (query, error) = Paging(parameters, maxPageSize: 100);
                if (error is not null)
                {
                    return (null, error);
                }

                var searchType = parameters.GetValueOrDefault("SearchType", "video").ToLowerInvariant();
                if (searchType is not ("video" or "audio"))
                {
                    return (null, RpcError.InvalidParameter("SearchType"));
                }

                query = query with { MediaType = searchType == "audio" ? MediaType.Audio : MediaType.Video };
                if (parameters.TryGetValue("Match", out var match) && match.Length > 0)
                {
                    var matched = ApplyMatch(query, match);
                    if (matched is null)
                    {
                        return (null, RpcError.InvalidParameter("Match"));
                    }

                    query = matched;
                }

                var searched = await library.DetailsAsync(userId, query, cancellationToken);
                if (!searched.IsSuccess)
                {
                    return (null, ErrorOf(searched.Problem, "Match"));
                }

                var (assets, total) = searched.Value;
                return (new()
                {
                    ["RequestId"] = requestId,
                    ["Total"] = total,
                    ["MediaList"] = assets.Select(a => new Dictionary<string, object>
                    {
                        ["MediaId"] = a.Id,
                        ["MediaType"] = a.MediaType == MediaType.Audio ? "audio" : "video",
                        ["CreationTime"] = RpcTime.Format(a.CreatedAtUtc),
                        [a.MediaType == MediaType.Audio ? "Audio" : "Video"] = Video(a),
                    }).ToList(),
                }, null);
            }

            default:
                return (null, RpcError.ActionNotFound);
        }
    }

    /// <summary>
    /// The supported subset of SearchMedia's Match: clauses joined by "and", each one of
    /// Title = 'words', VideoId = 'id', VideoId in ('a','b'), Status = 'Normal', Status in ('Normal','Blocked'), CateId = 123.
    /// Null for anything else, answered with InvalidParameter.
    /// </summary>
    internal static LibraryQuery? ApplyMatch(LibraryQuery query, string match)
    {
        foreach (var clause in AndSplitter().Split(match.Trim()))
        {
            var parsed = ClausePattern().Match(clause.Trim());
            if (!parsed.Success)
            {
                return null;
            }

            var field = parsed.Groups["field"].Value;
            var values = parsed.Groups["in"].Success
                ? QuotedValue().Matches(parsed.Groups["in"].Value).Select(m => m.Groups[1].Value).ToList()
                : [parsed.Groups["quoted"].Success ? parsed.Groups["quoted"].Value : parsed.Groups["number"].Value];
            switch (field.ToLowerInvariant())
            {
                case "title" when !parsed.Groups["in"].Success:
                    query = query with { Search = values[0] };
                    break;
                case "videoid" or "mediaid" when values.Count is > 0 and <= 20:
                    query = query with { VideoIds = values };
                    break;
                case "status" when TryStatuses(values, out var statuses):
                    query = query with { Statuses = statuses };
                    break;
                case "cateid" when long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var cateId) && !parsed.Groups["in"].Success:
                    query = query with { CategoryId = cateId };
                    break;
                default:
                    return null;
            }
        }

        return query;
    }

    private static (LibraryQuery Query, RpcError? Error) Paging(IReadOnlyDictionary<string, string> parameters, int maxPageSize)
    {
        var pageNo = 1;
        var pageSize = 10;
        if (parameters.TryGetValue("PageNo", out var rawNo) && (!int.TryParse(rawNo, NumberStyles.None, CultureInfo.InvariantCulture, out pageNo) || pageNo < 1))
        {
            return (new LibraryQuery(), RpcError.InvalidParameter("PageNo"));
        }

        if (parameters.TryGetValue("PageSize", out var rawSize) && (!int.TryParse(rawSize, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 || pageSize > maxPageSize))
        {
            return (new LibraryQuery(), RpcError.InvalidParameter("PageSize"));
        }

        if (pageNo * pageSize > 5000)
        {
            // Alibaba's own bound on these operations: deeper pages need narrower filters.
            return (new LibraryQuery(), RpcError.InvalidParameter("PageNo"));
        }

        var sort = parameters.GetValueOrDefault("SortBy", "CreationTime:Desc");
        if (sort is not ("CreationTime:Desc" or "CreationTime:Asc"))
        {
            return (new LibraryQuery(), RpcError.InvalidParameter("SortBy"));
        }

        return (new LibraryQuery { Page = pageNo - 1, PageSize = pageSize, Sort = LibrarySort.Created, Descending = sort.EndsWith("Desc", StringComparison.Ordinal) }, null);
    }

    /// <summary>A library query's failure: the caller's role may not read, or a parameter holds what cannot match.</summary>
    private static RpcError ErrorOf(Problem problem, string parameter) =>
        problem.Status == ResultStatus.Forbidden ? RpcError.Forbidden : RpcError.InvalidParameter(parameter);

    private static bool TryStatuses(IEnumerable<string> names, out List<MediaStatus> statuses)
    {
        statuses = [];
        foreach (var name in names)
        {
            if (!Enum.TryParse<MediaStatus>(name, ignoreCase: true, out var status) || int.TryParse(name, out _))
            {
                return false;
            }

            statuses.Add(status);
        }

        return statuses.Count > 0;
    }

    private static Dictionary<string, object?> Video(AssetDetails a) => new()
    {
        ["VideoId"] = a.Id,
        ["Title"] = a.Title,
        ["Description"] = a.Description,
        ["Status"] = a.Status.ToString(),
        ["Duration"] = Math.Round(a.DurationSeconds, 3),
        ["Size"] = a.TotalSizeBytes,
        ["CateId"] = a.CategoryId,
        ["CateName"] = a.CategoryName,
        ["CreationTime"] = RpcTime.Format(a.CreatedAtUtc),
        ["ModificationTime"] = RpcTime.Format(a.UpdatedAtUtc),
        ["CoverURL"] = a.CoverUrl,
        ["Snapshots"] = new Dictionary<string, object> { ["Snapshot"] = a.SnapshotUrls },
    };

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndSplitter();

    [GeneratedRegex(@"^(?<field>\w+)\s*(?:=\s*(?:'(?<quoted>[^']*)'|(?<number>\d+))|in\s*\((?<in>(?:\s*'[^']*'\s*,?)+)\))$", RegexOptions.IgnoreCase)]
    private static partial Regex ClausePattern();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex QuotedValue();
}
