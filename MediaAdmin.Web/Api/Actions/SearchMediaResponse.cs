namespace MediaAdmin.Web.Api.Actions;

/// <summary>The answer to SearchMedia: <c>{"RequestId", "Total", "MediaList": [...]}</c>.</summary>
internal sealed record SearchMediaResponse(string RequestId, int Total, IReadOnlyList<VodMedia> MediaList);
