namespace MediaAdmin.Web.Api.Actions;

/// <summary>Alibaba's wrapper around a video's streams: <c>"PlayInfoList": {"PlayInfo": [...]}</c>.</summary>
internal sealed record VodPlayInfoList(IReadOnlyList<VodPlayInfo> PlayInfo);
