namespace MediaAdmin.Web.Api.Actions;

/// <summary>The answer to GetPlayInfo, in Alibaba's field order.</summary>
internal sealed record GetPlayInfoResponse(string RequestId, VodVideoBase VideoBase, VodPlayInfoList PlayInfoList);
