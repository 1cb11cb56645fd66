using System.Text.RegularExpressions;

namespace MediaAdmin.Core.Cdn.UrlAuth;

/// <summary>
/// Files that name other stored files: HLS playlists (variants, init sections, segments) and the sprite sheet's
/// WebVTT index (its tiles). A signature covers one path only, so what they name is signed when they are served.
/// </summary>
public static partial class SignedReferences
{
    public static bool Applies(string fileName) => Extension(fileName) is ".m3u8" or ".vtt";

    /// <summary>
    /// <paramref name="text"/> with every reference passed through <paramref name="sign"/>: in a playlist each URI line
    /// and URI="…" attribute; in a WebVTT file only cue lines that are an image (sprite tiles), never subtitle text.
    /// </summary>
    public static string Rewrite(string fileName, string text, Func<string, string> sign)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sign);
        return Extension(fileName) switch
        {
            ".m3u8" => PlaylistReference().Replace(text, match => match.Groups["line"].Success
                ? SignLine(match.Value, sign)
                : $"URI=\"{sign(match.Groups["attribute"].Value)}\""),
            ".vtt" => SpriteTile().Replace(text, match => sign(match.Value)),
            _ => text,
        };
    }

    private static string SignLine(string line, Func<string, string> sign)
    {
        var uri = line.Trim();
        return uri.Length == 0 ? line : sign(uri);
    }

    private static string Extension(string fileName) => Path.GetExtension(fileName).ToLowerInvariant();

    [GeneratedRegex(@"^(?<line>[^#\r\n][^\r\n]*)|URI=""(?<attribute>[^""]*)""", RegexOptions.Multiline)]
    private static partial Regex PlaylistReference();

    [GeneratedRegex(@"^[^\s#?]+\.(?:jpe?g|png|webp)(?:#xywh=[0-9,]+)?(?=\r?$)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SpriteTile();
}
