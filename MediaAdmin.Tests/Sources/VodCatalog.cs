using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MediaAdmin.Tests.Sources;

/// <summary>
/// ApsaraVideo VOD's SearchMedia over a list of items in creation order: SearchType, the ModificationTime range
/// query, CreationTime or ModificationTime order, PageNo 1 then ScrollToken paging. It logs every page it serves, can
/// expire the tokens it gave out, fail every call, or hold a page until the test lets it go.
/// </summary>
public sealed partial class VodCatalog(IReadOnlyList<CatalogVideo> items)
{
    private readonly ConcurrentQueue<ServedPage> _served = new();
    private int _generation;
    private int _pagesBeforeHold = -1;
    private TaskCompletionSource? _hold;
    private TaskCompletionSource? _holdReached;

    public IReadOnlyList<CatalogVideo> Items => items;

    /// <summary>The pages served so far (the one-item counts the sync asks for excluded).</summary>
    public IReadOnlyList<ServedPage> Served => [.. _served.Where(p => p.PageSize > 1)];

    /// <summary>Set: every SearchMedia call fails with this HTTP status and code.</summary>
    public (int Status, string Code)? Failure { get; set; }

    /// <summary>Set: a traversal ends (an empty page, no token) once it reaches this place in the list, as a faulty remote might.</summary>
    public int? EndListingAt { get; set; }

    /// <summary>Set: the Total every first page reports, whatever the list holds.</summary>
    public long? ReportedTotal { get; set; }

    /// <summary>The tokens given out so far are refused from now on, as Alibaba refuses an expired one.</summary>
    public void ExpireTokens() => Interlocked.Increment(ref _generation);

    /// <summary>After <paramref name="pages"/> more pages, the next page waits until <see cref="Release"/>; answers a task done when it waits.</summary>
    public Task HoldAfter(int pages)
    {
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holdReached = holding;
        _pagesBeforeHold = pages;
        return holding.Task;
    }

    public void Release() => _hold?.TrySetResult();

    /// <summary>Answers one SearchMedia call: the HTTP status and the JSON body as Alibaba writes it.</summary>
    public (int Status, object Body) SearchMedia(IReadOnlyDictionary<string, string> parameters)
    {
        var requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        if (Failure is { } failure)
        {
            return (failure.Status, new { RequestId = requestId, Code = failure.Code, Message = "The stand-in was told to fail." });
        }

        var audio = parameters.GetValueOrDefault("SearchType", "video") == "audio";
        var pageSize = int.Parse(parameters.GetValueOrDefault("PageSize", "10"), CultureInfo.InvariantCulture);
        DateTime? since = ModifiedSincePattern().Match(parameters.GetValueOrDefault("Match", "")) is { Success: true } match
            ? DateTime.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : null;
        var byModification = parameters.GetValueOrDefault("SortBy", "").StartsWith("ModificationTime", StringComparison.Ordinal);
        bool Matches(CatalogVideo v) => v.IsAudio == audio && (since is null || v.ModifiedUtc > since);

        int start;
        long total;
        if (parameters.TryGetValue("ScrollToken", out var token))
        {
            var parts = token.Split('.');
            if (parts.Length != 3 || int.Parse(parts[0], CultureInfo.InvariantCulture) != Volatile.Read(ref _generation))
            {
                return (400, new { RequestId = requestId, Code = "InvalidParameter.ScrollToken", Message = "The specified ScrollToken is expired or invalid." });
            }

            start = int.Parse(parts[1], CultureInfo.InvariantCulture);
            total = long.Parse(parts[2], CultureInfo.InvariantCulture);
        }
        else
        {
            start = 0;
            total = ReportedTotal ?? items.LongCount(Matches);
        }

        HoldIfAsked();
        _served.Enqueue(new ServedPage(audio ? "audio" : "video", start, pageSize));

        // Creation order walks the list from the token's place; modification order (small catalogs only) sorts a view.
        var view = byModification ? items.Where(Matches).OrderBy(v => v.ModifiedUtc).ToList() : items;
        var page = new List<CatalogVideo>();
        var next = start;
        var end = Math.Min(view.Count, EndListingAt ?? int.MaxValue);
        for (; next < end && page.Count < pageSize; next++)
        {
            if (byModification || Matches(view[next]))
            {
                page.Add(view[next]);
            }
        }

        return (200, new
        {
            RequestId = requestId,
            Total = total,
            ScrollToken = page.Count == pageSize ? string.Create(CultureInfo.InvariantCulture, $"{_generation}.{next}.{total}") : null,
            MediaList = page.Select(Describe).ToArray(),
        });
    }

    private void HoldIfAsked()
    {
        if (_pagesBeforeHold < 0 || Interlocked.Decrement(ref _pagesBeforeHold) >= 0)
        {
            return;
        }

        _holdReached?.TrySetResult();
        _hold?.Task.Wait(TimeSpan.FromMinutes(1));
    }

    private static object Describe(CatalogVideo video)
    {
        var described = new Dictionary<string, object?>
        {
            [video.IsAudio ? "AudioId" : "VideoId"] = video.Id,
            ["Title"] = video.Title,
            ["Status"] = video.Status,
            ["Duration"] = video.Duration,
            ["Size"] = video.Size,
            ["CateId"] = video.CateId,
            ["CateName"] = video.CateName,
            ["CoverURL"] = video.CoverUrl,
            ["CreationTime"] = Time(video.CreatedUtc),
            ["ModificationTime"] = Time(video.ModifiedUtc),
        };
        return new Dictionary<string, object>
        {
            ["MediaType"] = video.IsAudio ? "audio" : "video",
            ["CreationTime"] = Time(video.CreatedUtc),
            [video.IsAudio ? "Audio" : "Video"] = described,
        };
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"ModificationTime\s*=\s*\('([^']+)',\s*''\)")]
    private static partial Regex ModifiedSincePattern();
}

/// <summary>A page <see cref="VodCatalog"/> served: its type, where in the list it started, and its size.</summary>
public sealed record ServedPage(string SearchType, int Start, int PageSize);
