using MediaAdmin.Core.Permissions;

namespace MediaAdmin.Core.Deletion.Remote;

/// <summary>A video as the mirror knows it before a deletion through Alibaba: what the panel shows and who may delete it.</summary>
internal sealed record MirroredVideo(string VideoId, string Title, long TotalBytes, AssetOwnership Ownership, string? CoverUrl);
