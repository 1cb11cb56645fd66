namespace MediaAdmin.Web.Api.Actions;

/// <summary>The answer to GetVideoList: <c>{"RequestId", "Total", "VideoList": {"Video": [...]}}</c>.</summary>
internal sealed record GetVideoListResponse(string RequestId, int Total, VodVideoList VideoList);
