using System.Globalization;
using MediaAdmin.Core.Ingest;

namespace MediaAdmin.Tests.Support;

/// <summary>Tiny real media made with ffmpeg's own test sources, so ingest tests need no fixtures on disk.</summary>
public static class TestClips
{
    public static async Task<string> VideoAsync(string folder, int width, int height, double seconds, bool withAudio = true, string name = "clip.mp4")
    {
        var path = Path.Combine(folder, name);
        var duration = seconds.ToString(CultureInfo.InvariantCulture);
        List<string> args = ["-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=25:duration={duration}"];
        if (withAudio)
        {
            args.AddRange(["-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={duration}", "-c:a", "aac"]);
        }

        args.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-f", "mp4", path]);
        await RunAsync(args);
        return path;
    }

    public static async Task<string> AudioAsync(string folder, double seconds, string name = "tone.wav")
    {
        var path = Path.Combine(folder, name);
        await RunAsync(["-v", "error", "-y", "-f", "lavfi", "-i", $"sine=frequency=330:sample_rate=44100:duration={seconds.ToString(CultureInfo.InvariantCulture)}", path]);
        return path;
    }

    private static async Task RunAsync(IEnumerable<string> args)
    {
        var outcome = await ToolRun.RunAsync("ffmpeg", args, CancellationToken.None);
        Assert.True(outcome.Succeeded, "ffmpeg could not make a test clip: " + outcome.ErrorTail);
    }
}
