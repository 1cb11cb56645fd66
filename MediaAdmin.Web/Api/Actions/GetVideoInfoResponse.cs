namespace MediaAdmin.Web.Api.Actions;

/// <summary>The answer to GetVideoInfo.</summary>
internal sealed record GetVideoInfoResponse(string RequestId, VodVideo Video);
