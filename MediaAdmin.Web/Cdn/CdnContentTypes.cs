using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace MediaAdmin.Web.Cdn;

/// <summary>
/// The types /cdn serves inline: the media, images, playlists and subtitles the library produces. Any other
/// stored file (an HTML page, an SVG, a script) would be active content on the console's origin.
/// </summary>
internal static class CdnContentTypes
{
    private static readonly FrozenDictionary<string, string> Inline = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".mp4"] = "video/mp4",
        [".m4a"] = "audio/mp4",
        [".mp3"] = "audio/mpeg",
        [".wav"] = "audio/wav",
        [".aac"] = "audio/aac",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".webp"] = "image/webp",
        [".m3u8"] = "application/vnd.apple.mpegurl",
        [".m4s"] = "video/iso.segment",
        [".ts"] = "video/mp2t",
        [".vtt"] = "text/vtt",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool TryGetInline(string fileName, [NotNullWhen(true)] out string? contentType) =>
        Inline.TryGetValue(Path.GetExtension(fileName), out contentType);
}
