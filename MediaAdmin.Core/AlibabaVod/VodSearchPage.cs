namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// One page of SearchMedia: the videos, the number that match in all (<see cref="Total"/>), and the
/// <see cref="ScrollToken"/> that asks for the next page. Alibaba hands a token out with every page that has items;
/// the traversal ends at a page without items (or without a token).
/// </summary>
public sealed record VodSearchPage(IReadOnlyList<VodRemoteVideo> Videos, long Total, string? ScrollToken, string? RequestId);
