using System.Text.Json.Serialization;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>
/// The answer to SearchMedia: <c>{"RequestId", "Total", "MediaList": [...], "ScrollToken"}</c>; the token comes
/// with every page that has items and is what the next page is asked with; a page past the end has neither.
/// </summary>
internal sealed record SearchMediaResponse(
    string RequestId,
    int Total,
    IReadOnlyList<VodMedia> MediaList,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ScrollToken);
