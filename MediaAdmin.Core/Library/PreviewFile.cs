namespace MediaAdmin.Core.Library;

/// <summary>
/// One stored file of an asset as the preview lists it. <see cref="Name"/> is its path below the asset's
/// storage prefix; <see cref="StorageKey"/> is what the console serves it under (/cdn/{key}); <see cref="CdnUrl"/> the public URL
/// as stored (never signed, for CDN reminders); <see cref="ConsoleUrl"/> and <see cref="PlayUrl"/> what is handed out to load it.
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
    SnapshotKind? SnapshotKind)
{
    /// <summary>Where the console loads the file, relative to its base (cdn/{key}); signed while URL authentication is on.</summary>
    public string ConsoleUrl { get; init; } = "cdn/" + StorageKey;

    /// <summary>The public URL to play or show the file from; signed while URL authentication is on.</summary>
    public string PlayUrl { get; init; } = CdnUrl;
}
