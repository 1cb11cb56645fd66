using System.Collections.Concurrent;
using System.Globalization;
using WireMock;

namespace MediaAdmin.Tests.AlibabaVod;

/// <summary>The stand-in's CDN refresh actions: RefreshVodObjectCaches spends the quota and makes a task; DescribeVodRefreshTasks lists tasks.</summary>
public sealed partial class VodStandIn
{
    private readonly ConcurrentDictionary<string, (string[] Paths, string ObjectType, DateTime CreatedUtc)> _tasks = new();
    private readonly ConcurrentQueue<TimeSpan> _slowRefreshes = new();
    private int _taskCounter;

    /// <summary>The next RefreshVodObjectCaches is carried out (task made, quota spent) but answered only after <paramref name="delay"/>.</summary>
    public void AnswerNextRefreshAfter(TimeSpan delay) => _slowRefreshes.Enqueue(delay);

    private ResponseMessage Refresh(string[] paths, string objectType)
    {
        var directories = objectType == "Directory";
        var remain = directories ? DirRemain : UrlRemain;
        if (paths.Length > remain)
        {
            return Json(400, new { RequestId = RequestId(), Code = "QuotaExceeded.Refresh", Message = "You've exceeded the prescribed refresh limits." });
        }

        if (directories)
        {
            DirRemain -= paths.Length;
        }
        else
        {
            UrlRemain -= paths.Length;
        }

        var taskId = (704220000 + Interlocked.Increment(ref _taskCounter)).ToString(CultureInfo.InvariantCulture);
        _tasks[taskId] = (paths, directories ? "directory" : "file", DateTime.UtcNow);
        if (_slowRefreshes.TryDequeue(out var delay))
        {
            Thread.Sleep(delay);
        }

        return Json(200, new { RequestId = RequestId(), RefreshTaskId = taskId });
    }

    /// <summary>DescribeVodRefreshTasks by TaskId, or by exact ObjectPath (with ObjectType and StartTime) across every task.</summary>
    private ResponseMessage Describe(Dictionary<string, string> parameters)
    {
        var taskId = parameters.GetValueOrDefault("TaskId");
        var path = parameters.GetValueOrDefault("ObjectPath");
        var type = parameters.GetValueOrDefault("ObjectType");
        var since = parameters.TryGetValue("StartTime", out var start)
            ? DateTime.Parse(start, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : DateTime.MinValue;
        var list = _tasks
            .Where(t => (taskId is null || t.Key == taskId) && (type is null || t.Value.ObjectType == type) && t.Value.CreatedUtc >= since)
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .SelectMany(t => t.Value.Paths.Where(p => path is null || p == path).Select(p =>
            {
                var status = TaskStatuses.GetValueOrDefault(t.Key, "Complete");
                return new
                {
                    TaskId = t.Key, ObjectPath = p, t.Value.ObjectType, Status = status,
                    Process = status == "Complete" ? "100%" : "50%", CreationTime = t.Value.CreatedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    Description = status == "Failed" ? "Origin Timeout" : "",
                };
            }))
            .ToArray();
        return Json(200, new { RequestId = RequestId(), PageNumber = 1, PageSize = 50, TotalCount = list.Length, Tasks = new { Task = list } });
    }
}
