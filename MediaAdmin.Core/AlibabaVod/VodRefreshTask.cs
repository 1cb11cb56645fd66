namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// One item of DescribeVodRefreshTasks: the path it refreshes, Alibaba's status (<c>Complete</c>, <c>Refreshing</c>,
/// <c>Pending</c> or <c>Failed</c>) and, for a failure, Alibaba's description (e.g. <c>Origin Timeout</c>).
/// </summary>
public sealed record VodRefreshTask(string TaskId, string ObjectPath, string Status, string? Description)
{
    public bool IsComplete => string.Equals(Status, "Complete", StringComparison.OrdinalIgnoreCase);

    public bool IsFailed => string.Equals(Status, "Failed", StringComparison.OrdinalIgnoreCase);
}
