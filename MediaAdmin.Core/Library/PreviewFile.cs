namespace MediaAdmin.Core.Library;

/// <summary>
/// One stored file of an asset as the preview lists it. <see cref="Name"/> is its path below the asset's
/// storage prefix; <see cref="StorageKey"/> is what the console serves it under (/cdn/{key}); <see cref="CdnUrl"/> the public URL.
/// </summary>
public sealed record PreviewFile(
    MediaFileKind Kind,
    string Name,
    string StorageKey,
    string CdnUrl,
    string Format,
    long SizeBytes,
    string? Definition,
    int? BitrateKbps,
    int? Width,
    int? Height,
    SnapshotKind? SnapshotKind);
