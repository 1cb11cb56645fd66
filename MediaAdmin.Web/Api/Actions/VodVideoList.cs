namespace MediaAdmin.Web.Api.Actions;

/// <summary>Alibaba's wrapper around GetVideoList's videos: <c>"VideoList": {"Video": [...]}</c>.</summary>
internal sealed record VodVideoList(IReadOnlyList<VodVideo> Video);
