using System.Globalization;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>The VideoIds parameter of DeleteVideo and GetVideoInfos: one comma-separated value, or flattened from an array as VideoIds.1, VideoIds.2, ...</summary>
internal static class VideoIdsParameter
{
    private const string FlattenedPrefix = "VideoIds.";

    public static string Read(IReadOnlyDictionary<string, string> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.TryGetValue("VideoIds", out var joined)
            ? joined
            : string.Join(",", parameters
                .Where(p => p.Key.StartsWith(FlattenedPrefix, StringComparison.Ordinal))
                .OrderBy(p => int.TryParse(p.Key[FlattenedPrefix.Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
                .Select(p => p.Value));
    }
}
