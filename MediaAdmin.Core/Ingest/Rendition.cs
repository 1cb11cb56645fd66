namespace MediaAdmin.Core.Ingest;

/// <summary>How a rendition is packaged.</summary>
public enum RenditionFormat
{
    /// <summary>An HLS variant: a playlist and fMP4 segments in a folder of their own.</summary>
    Hls = 0,

    /// <summary>One progressive MP4 file, for download.</summary>
    Mp4 = 1,

    /// <summary>AAC in an MP4 container (.m4a).</summary>
    M4a = 2,

    Mp3 = 3,
}

/// <summary>One output of a transcoding template: its definition (Alibaba's names), size and bitrates.</summary>
public sealed record Rendition(string Definition, RenditionFormat Format, int Width, int Height, int VideoKbps, int AudioKbps)
{
    public bool IsVideo => Width > 0;

    /// <summary>The stream's name in storage and URLs: "hls-720p", "mp4-540p", "audio-sq.mp3".</summary>
    public string Name => Format switch
    {
        RenditionFormat.Hls => $"hls-{Height}p",
        RenditionFormat.Mp4 => $"mp4-{Height}p.mp4",
        RenditionFormat.M4a => $"audio-{Definition.ToLowerInvariant()}.m4a",
        _ => $"audio-{Definition.ToLowerInvariant()}.mp3",
    };
}
