namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// One page of SearchMedia: the videos, the number that match in all (<see cref="Total"/>), and the
/// <see cref="ScrollToken"/> that asks for the next page; null or empty when this was the last.
/// </summary>
public sealed record VodSearchPage(IReadOnlyList<VodRemoteVideo> Videos, long Total, string? ScrollToken, string? RequestId);
