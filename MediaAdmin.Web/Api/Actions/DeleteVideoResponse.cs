namespace MediaAdmin.Web.Api.Actions;

/// <summary>The answer to DeleteVideo: the IDs the caller may not delete and those that do not exist; never a Code.</summary>
internal sealed record DeleteVideoResponse(string RequestId, IReadOnlyList<string> ForbiddenVideoIds, IReadOnlyList<string> NonExistVideoIds);
