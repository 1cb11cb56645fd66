using MediaAdmin.Core.Library;

namespace MediaAdmin.Core.Ingest;

/// <summary>The first video stream of a file, as ffprobe reports it.</summary>
public sealed record VideoStreamInfo(string Codec, int Width, int Height, double FramesPerSecond);

/// <summary>The first audio stream of a file, as ffprobe reports it.</summary>
public sealed record AudioStreamInfo(string Codec, int Channels, int SampleRate);

/// <summary>What ffprobe found in a media file: the metadata stored on the asset and what the ladder is planned from.</summary>
public sealed record MediaProbe(
    string FormatName,
    double DurationSeconds,
    long SizeBytes,
    int? BitrateKbps,
    VideoStreamInfo? Video,
    AudioStreamInfo? Audio)
{
    /// <summary>Video when there is a moving picture; a cover image alone (an MP3's album art) does not make a video.</summary>
    public MediaType MediaType => Video is null ? MediaType.Audio : MediaType.Video;
}
