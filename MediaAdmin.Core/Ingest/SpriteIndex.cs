using System.Globalization;
using System.Text;

namespace MediaAdmin.Core.Ingest;

/// <summary>
/// The WebVTT index of the sprite sheets: one cue per tile, pointing at its sheet with a media fragment
/// (<c>sprite-001.jpg#xywh=160,0,160,90</c>), the format players use for scrubbing previews.
/// </summary>
public static class SpriteIndex
{
    /// <summary>How many tiles a clip of this length gets, one per interval started.</summary>
    public static int TileCount(double durationSeconds, TimeSpan interval) =>
        Math.Max(1, (int)Math.Ceiling(Math.Round(durationSeconds / interval.TotalSeconds, 3)));

    public static string Write(double durationSeconds, TimeSpan interval, int tileWidth, int tileHeight)
    {
        const int perSheet = FfmpegArguments.SpriteColumns * FfmpegArguments.SpriteColumns;
        var text = new StringBuilder("WEBVTT\n\n");
        var tiles = TileCount(durationSeconds, interval);
        for (var tile = 0; tile < tiles; tile++)
        {
            var start = tile * interval.TotalSeconds;
            var end = Math.Min(durationSeconds, start + interval.TotalSeconds);
            var index = tile % perSheet;
            var x = index % FfmpegArguments.SpriteColumns * tileWidth;
            var y = index / FfmpegArguments.SpriteColumns * tileHeight;
            text.Append(CultureInfo.InvariantCulture, $"{Time(start)} --> {Time(end)}\n");
            text.Append(CultureInfo.InvariantCulture, $"sprite-{(tile / perSheet) + 1:000}.jpg#xywh={x},{y},{tileWidth},{tileHeight}\n\n");
        }

        return text.ToString();
    }

    private static string Time(double seconds) => TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
}
