namespace MediaAdmin.Core.Cdn;

/// <summary>URLs as the people refreshing a CDN by hand paste them into a vendor's refresh console.</summary>
public static class CdnUrlList
{
    /// <summary>One URL per line, the format CDN refresh consoles accept.</summary>
    public static string AsText(IEnumerable<string> urls) => string.Join("\n", urls) + "\n";
}
