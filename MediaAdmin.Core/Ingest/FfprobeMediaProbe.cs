using System.Globalization;
using System.Text.Json;
using MediaAdmin.Core.Results;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Ingest;

/// <summary><see cref="IMediaProbe"/> on ffprobe's JSON output; the file's name and extension play no part.</summary>
public sealed class FfprobeMediaProbe(IOptions<IngestOptions> options) : IMediaProbe
{
    // Demuxers that read any bytes as "media" (raw pictures, text, subtitles): a file only they accept is not audio or video.
    private static readonly HashSet<string> NotMedia = new(StringComparer.Ordinal)
    {
        "image2", "png_pipe", "jpeg_pipe", "bmp_pipe", "gif", "webp_pipe", "svg_pipe", "tty", "srt", "webvtt", "ass", "lrc", "mpjpeg",
    };

    public async Task<Result<MediaProbe>> ProbeAsync(string path, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Problem.NotFound("The file to probe does not exist.");
        }

        if (info.Length == 0)
        {
            return Problem.Invalid("The file is empty.");
        }

        var run = await ToolRun.RunAsync(
            options.Value.FfprobePath,
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "--", path],
            cancellationToken);
        if (!run.Succeeded)
        {
            return Problem.Invalid("The file is not audio or video that ffprobe can read" + Reason(run.ErrorTail) + ".");
        }

        return Parse(run.StandardOutput, info.Length);
    }

    /// <summary>Reads ffprobe's <c>-show_format -show_streams</c> JSON.</summary>
    public static Result<MediaProbe> Parse(string json, long sizeBytes)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("format", out var format))
        {
            return Problem.Invalid("The file is not audio or video: ffprobe found no container.");
        }

        var formatName = Text(format, "format_name") ?? "unknown";
        VideoStreamInfo? video = null;
        AudioStreamInfo? audio = null;
        var streamDuration = 0.0;
        if (root.TryGetProperty("streams", out var streams))
        {
            foreach (var stream in streams.EnumerateArray())
            {
                streamDuration = Math.Max(streamDuration, Number(stream, "duration") ?? 0);
                switch (Text(stream, "codec_type"))
                {
                    case "video" when video is null && !IsAttachedPicture(stream):
                        video = new VideoStreamInfo(
                            Text(stream, "codec_name") ?? "unknown",
                            (int)(Number(stream, "width") ?? 0),
                            (int)(Number(stream, "height") ?? 0),
                            FrameRate(Text(stream, "avg_frame_rate")));
                        break;
                    case "audio" when audio is null:
                        audio = new AudioStreamInfo(
                            Text(stream, "codec_name") ?? "unknown",
                            (int)(Number(stream, "channels") ?? 0),
                            (int)(Number(stream, "sample_rate") ?? 0));
                        break;
                }
            }
        }

        var duration = Number(format, "duration") ?? streamDuration;
        var formats = formatName.Split(',');
        if ((video is null && audio is null) || formats.All(NotMedia.Contains) || video is { Width: <= 0 } or { Height: <= 0 })
        {
            return Problem.Invalid("The file is not audio or video: it has no audio or moving-picture stream.");
        }

        if (duration <= 0)
        {
            return Problem.Invalid("The file is not audio or video: it has no duration.");
        }

        var bitrate = Number(format, "bit_rate") is { } bits ? (int?)Math.Round(bits / 1000) : null;
        return new MediaProbe(formatName, duration, sizeBytes, bitrate, video, audio);
    }

    private static bool IsAttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var disposition)
        && disposition.TryGetProperty("attached_pic", out var attached)
        && attached.ValueKind == JsonValueKind.Number
        && attached.GetInt32() == 1;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // ffprobe writes most numbers as strings ("3.000000"), some as numbers.
    private static double? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static double FrameRate(string? ratio)
    {
        var parts = (ratio ?? string.Empty).Split('/');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var numerator)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator)
            && denominator > 0
                ? numerator / denominator
                : 0;
    }

    private static string Reason(string errorTail)
    {
        var firstLine = errorTail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (firstLine is null)
        {
            return string.Empty;
        }

        // ffprobe starts its message with the path it was given; the person uploading knows which file it was.
        var colon = firstLine.LastIndexOf(": ", StringComparison.Ordinal);
        return ": " + (colon >= 0 ? firstLine[(colon + 2)..] : firstLine);
    }
}
