namespace MediaAdmin.Core.AlibabaVod;

/// <summary>RefreshVodObjectCaches' answer: the refresh task IDs (Alibaba may merge paths into fewer tasks) and the RequestId.</summary>
public sealed record VodRefreshSubmission(IReadOnlyList<string> TaskIds, string? RequestId);
