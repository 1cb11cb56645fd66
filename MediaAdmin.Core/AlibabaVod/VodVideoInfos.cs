namespace MediaAdmin.Core.AlibabaVod;

/// <summary>GetVideoInfos' answer: the videos that exist, and the IDs that name none.</summary>
public sealed record VodVideoInfos(IReadOnlyList<VodRemoteVideo> Videos, IReadOnlyList<string> NonExistVideoIds, string? RequestId);
