using System.Globalization;
using System.Text.Json;

namespace MediaAdmin.Core.AlibabaVod;

/// <summary>The CDN refresh operations of ApsaraVideo VOD (served only in China (Shanghai)).</summary>
public sealed partial class VodClient
{
    /// <summary>DescribeVodRefreshTasks' page size limit.</summary>
    private const int RefreshTasksPageSize = 50;

    /// <summary>How far back DescribeVodRefreshTasks can look, less a minute for clocks that differ.</summary>
    private static readonly TimeSpan RefreshTasksKept = TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1);

    /// <summary>
    /// RefreshVodObjectCaches: purges <paramref name="objectPaths"/> (file URLs, or directory URLs ending in '/')
    /// from the CDN. The caller keeps to the daily quota and the per-call limit.
    /// </summary>
    public async Task<VodReply<VodRefreshSubmission>> RefreshObjectCachesAsync(
        VodAccount account, IReadOnlyList<string> objectPaths, VodObjectType objectType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objectPaths);
        if (objectPaths.Count == 0 || objectPaths.Any(p => string.IsNullOrWhiteSpace(p) || p.Contains('\n', StringComparison.Ordinal)))
        {
            throw new ArgumentException("Every object path must be one non-empty line.", nameof(objectPaths));
        }

        // Each accepted call spends the day's refresh quota, so one that may have reached Alibaba is not sent again.
        var reply = await SendAsync(account, "RefreshVodObjectCaches", new Dictionary<string, string>
        {
            ["ObjectPath"] = string.Join("\n", objectPaths),
            ["ObjectType"] = objectType.ToString(),
        }, retryAfterSend: false, cancellationToken);
        return reply.Then(root => VodReplyReader.Text(root, "RefreshTaskId") is { Length: > 0 } ids
            ? VodReply<VodRefreshSubmission>.Success(new VodRefreshSubmission(
                ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), VodReplyReader.Text(root, "RequestId")))
            : Missing("RefreshVodObjectCaches", "RefreshTaskId", root));
    }

    /// <summary>DescribeVodRefreshTasks for one task ID: every path the task refreshes, with its status.</summary>
    public Task<VodReply<IReadOnlyList<VodRefreshTask>>> DescribeRefreshTaskAsync(VodAccount account, string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        return DescribeRefreshTasksAsync(account, new Dictionary<string, string> { ["TaskId"] = taskId }, cancellationToken);
    }

    /// <summary>
    /// DescribeVodRefreshTasks for one exact path: every refresh of it created since <paramref name="sinceUtc"/>, by
    /// anyone on the account. Alibaba keeps three days of tasks, so an earlier start is moved up to that.
    /// </summary>
    public Task<VodReply<IReadOnlyList<VodRefreshTask>>> FindRefreshTasksAsync(
        VodAccount account, string objectPath, VodObjectType objectType, DateTime sinceUtc, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectPath);
        var oldestKept = nowUtc - RefreshTasksKept;
        return DescribeRefreshTasksAsync(account, new Dictionary<string, string>
        {
            ["ObjectPath"] = objectPath,
            ["ObjectType"] = objectType == VodObjectType.Directory ? "directory" : "file",
            ["StartTime"] = (sinceUtc > oldestKept ? sinceUtc : oldestKept).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        }, cancellationToken);
    }

    private async Task<VodReply<IReadOnlyList<VodRefreshTask>>> DescribeRefreshTasksAsync(
        VodAccount account, Dictionary<string, string> filter, CancellationToken cancellationToken)
    {
        var tasks = new List<VodRefreshTask>();
        for (var page = 1; ; page++)
        {
            var reply = await CallAsync(account, "DescribeVodRefreshTasks", new Dictionary<string, string>(filter)
            {
                ["PageNumber"] = page.ToString(CultureInfo.InvariantCulture),
                ["PageSize"] = RefreshTasksPageSize.ToString(CultureInfo.InvariantCulture),
            }, cancellationToken);
            if (!reply.IsSuccess)
            {
                return reply.Error;
            }

            var items = TaskItems(reply.Value);
            tasks.AddRange(items.Select(item => new VodRefreshTask(
                VodReplyReader.Text(item, "TaskId") ?? filter.GetValueOrDefault("TaskId", ""),
                VodReplyReader.Text(item, "ObjectPath") ?? "",
                VodReplyReader.Text(item, "Status") ?? "",
                VodReplyReader.Text(item, "Description"))));
            var total = int.TryParse(VodReplyReader.Text(reply.Value, "TotalCount"), CultureInfo.InvariantCulture, out var count) ? count : tasks.Count;
            if (items.Count < RefreshTasksPageSize || tasks.Count >= total)
            {
                return tasks;
            }
        }
    }

    /// <summary>DescribeVodRefreshQuota: URL and directory refreshes allowed a day and left today.</summary>
    public async Task<VodReply<VodRefreshQuota>> DescribeRefreshQuotaAsync(VodAccount account, CancellationToken cancellationToken = default)
    {
        var reply = await CallAsync(account, "DescribeVodRefreshQuota", new Dictionary<string, string>(), cancellationToken);
        return reply.Then(root =>
            Number(root, "UrlQuota") is { } urlQuota && Number(root, "UrlRemain") is { } urlRemain
            && Number(root, "DirQuota") is { } dirQuota && Number(root, "DirRemain") is { } dirRemain
                ? VodReply<VodRefreshQuota>.Success(new VodRefreshQuota(urlQuota, urlRemain, dirQuota, dirRemain, VodReplyReader.Text(root, "RequestId")))
                : Missing("DescribeVodRefreshQuota", "UrlQuota, UrlRemain, DirQuota and DirRemain", root));
    }

    /// <summary>Alibaba nests the list as <c>Tasks.Task[]</c> in JSON converted from its XML shape.</summary>
    private static List<JsonElement> TaskItems(JsonElement root) =>
        root.TryGetProperty("Tasks", out var tasks) && tasks.ValueKind == JsonValueKind.Object
        && tasks.TryGetProperty("Task", out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray()]
            : [];

    private static int? Number(JsonElement root, string name) =>
        int.TryParse(VodReplyReader.Text(root, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static VodError Missing(string action, string fields, JsonElement root) =>
        new(VodErrorCodes.MalformedReply, $"ApsaraVideo VOD answered {action} without {fields}.", 200, VodReplyReader.Text(root, "RequestId"));
}
