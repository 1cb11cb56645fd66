using MediaAdmin.Core.Library;

namespace MediaAdmin.Core.Ingest;

/// <summary>
/// A file the transcoder wrote, by its path relative to the work folder ('/'-separated), which is also
/// its key below the asset's storage prefix.
/// </summary>
public sealed record TranscodedFile(
    string RelativePath,
    MediaFileKind Kind,
    string Format,
    long SizeBytes,
    string? Definition = null,
    int? BitrateKbps = null,
    int? Width = null,
    int? Height = null,
    SnapshotKind? SnapshotKind = null);
