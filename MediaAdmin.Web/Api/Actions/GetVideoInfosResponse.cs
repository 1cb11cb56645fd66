namespace MediaAdmin.Web.Api.Actions;

/// <summary>The answer to GetVideoInfos: <c>{"RequestId", "VideoList": [...], "NonExistVideoIds": [...]}</c>.</summary>
internal sealed record GetVideoInfosResponse(string RequestId, IReadOnlyList<VodMediaInfo> VideoList, IReadOnlyList<string> NonExistVideoIds);
