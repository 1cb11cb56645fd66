using MediaAdmin.Core.Library;

namespace MediaAdmin.Core.Ingest;

/// <summary>What ffprobe found in a mezzanine, written onto its asset the same way wherever an asset is made.</summary>
public static class ProbeMetadata
{
    private const int SourceFormatMaxLength = 64;

    public static void ApplyTo(this MediaProbe media, MediaAsset asset)
    {
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(asset);
        asset.MediaType = media.MediaType;
        asset.DurationSeconds = media.DurationSeconds;
        asset.SourceSizeBytes = media.SizeBytes;
        asset.SourceFormat = media.FormatName.Length > SourceFormatMaxLength ? media.FormatName[..SourceFormatMaxLength] : media.FormatName;
        asset.BitrateKbps = media.BitrateKbps;
        asset.VideoCodec = media.Video?.Codec;
        asset.AudioCodec = media.Audio?.Codec;
        asset.Width = media.Video?.Width;
        asset.Height = media.Video?.Height;
    }
}
