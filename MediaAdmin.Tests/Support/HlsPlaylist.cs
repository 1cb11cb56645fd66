namespace MediaAdmin.Tests.Support;

/// <summary>Reads an HLS playlist the way a player does: tags must be well-formed, URIs are relative to the playlist.</summary>
public static class HlsPlaylist
{
    /// <summary>Every URI a playlist refers to (variants, the init segment, media segments), resolved against its folder.</summary>
    public static IReadOnlyList<string> References(string playlistPath)
    {
        var lines = File.ReadAllLines(playlistPath);
        Assert.Equal("#EXTM3U", lines.FirstOrDefault());
        var folder = Path.GetDirectoryName(playlistPath)!;
        var uris = new List<string>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            if (line.StartsWith("#EXT-X-MAP:URI=\"", StringComparison.Ordinal))
            {
                uris.Add(line["#EXT-X-MAP:URI=\"".Length..^1]);
            }
            else if (!line.StartsWith('#'))
            {
                uris.Add(line);
            }
            else
            {
                Assert.StartsWith("#EXT", line, StringComparison.Ordinal);
            }
        }

        return uris.Select(uri => Path.GetFullPath(Path.Combine(folder, uri))).ToList();
    }

    public static bool IsComplete(string variantPath) => File.ReadAllLines(variantPath).Contains("#EXT-X-ENDLIST");
}
