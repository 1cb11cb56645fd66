namespace MediaAdmin.Core.AlibabaVod;

/// <summary>DescribeVodRefreshQuota's answer: URL and directory refreshes allowed a day and left today.</summary>
public sealed record VodRefreshQuota(int UrlQuota, int UrlRemain, int DirQuota, int DirRemain, string? RequestId);
