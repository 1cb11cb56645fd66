using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Storage;

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
    SnapshotKind? SnapshotKind = null)
{
    /// <summary>The storage key of this file for <paramref name="assetId"/>: below the asset's prefix.</summary>
    public StorageKey KeyFor(string assetId) => StorageKey.Parse($"media/{assetId}/{RelativePath}");

    /// <summary>The asset's row for this file once stored under <see cref="KeyFor"/>.</summary>
    public MediaFile ToRow(string assetId, CdnOptions cdn)
    {
        ArgumentNullException.ThrowIfNull(cdn);
        var key = KeyFor(assetId);
        return new MediaFile
        {
            AssetId = assetId,
            Kind = Kind,
            StorageKey = key.Value,
            SizeBytes = SizeBytes,
            CdnUrl = cdn.UrlFor(key),
            Format = Format,
            Definition = Definition,
            BitrateKbps = BitrateKbps,
            Width = Width,
            Height = Height,
            SnapshotKind = SnapshotKind,
        };
    }
}
