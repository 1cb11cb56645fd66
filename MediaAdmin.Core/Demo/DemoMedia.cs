using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Results;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Demo;

/// <summary>
/// Real media for the demo library: a handful of short clips made with ffmpeg's own test sources and transcoded
/// once by the pipeline's transcoder. Every demo asset is one of them, so each plays and has real renditions and
/// snapshots, while the first start stays quick.
/// </summary>
public sealed class DemoMedia(IMediaProbe probe, IMediaTranscoder transcoder, IOptions<IngestOptions> options)
{
    private static readonly TimeSpan ClipSnapshotInterval = TimeSpan.FromSeconds(2);

    // name, video source (or none), audio source, container of the mezzanine
    private static readonly (string Name, string? Video, string Audio, string Extension)[] Sources =
    [
        ("testcard", "testsrc2=size=640x360:rate=25", "sine=frequency=440:sample_rate=48000", "mp4"),
        ("colour-bars", "smptehdbars=size=1280x720:rate=25", "sine=frequency=1000:sample_rate=48000", "mp4"),
        ("fractal", "mandelbrot=size=640x360:rate=25", "sine=frequency=330:sample_rate=48000", "mp4"),
        ("tone", null, "sine=frequency=523:sample_rate=44100", "flac"),
        ("pink-noise", null, "anoisesrc=color=pink:amplitude=0.3:sample_rate=44100", "mp3"),
    ];

    /// <summary>Makes and transcodes every demo source inside <paramref name="workFolder"/>, which the caller removes.</summary>
    public async Task<IReadOnlyList<DemoClip>> MakeAsync(string workFolder, CancellationToken cancellationToken = default)
    {
        var clips = new List<DemoClip>();
        foreach (var (name, video, audio, extension) in Sources)
        {
            var source = Path.Combine(workFolder, $"{name}.{extension}");
            await GenerateAsync(source, video, audio, cancellationToken);
            var probed = Expect(await probe.ProbeAsync(source, cancellationToken), name);
            var outputFolder = Path.Combine(workFolder, name);
            var request = new TranscodeRequest(source, probed, outputFolder, ClipSnapshotInterval) { SegmentLength = ClipSnapshotInterval };
            var outputs = Expect(await transcoder.TranscodeAsync(request, null, cancellationToken), name);
            var withContent = new List<(TranscodedFile, byte[])>();
            foreach (var output in outputs)
            {
                withContent.Add((output, await File.ReadAllBytesAsync(Path.Combine(outputFolder, output.RelativePath), cancellationToken)));
            }

            clips.Add(new DemoClip(name, probed, Path.GetFileName(source), await File.ReadAllBytesAsync(source, cancellationToken), withContent));
        }

        return clips;
    }

    private async Task GenerateAsync(string path, string? video, string audio, CancellationToken cancellationToken)
    {
        const string seconds = "4";
        List<string> args = ["-hide_banner", "-nostdin", "-y", "-v", "error"];
        if (video is not null)
        {
            args.AddRange(["-f", "lavfi", "-i", video]);
        }

        args.AddRange(["-f", "lavfi", "-i", audio, "-t", seconds]);
        args.AddRange(video is null
            ? [path]
            : ["-c:v", "libx264", "-preset", "veryfast", "-crf", "28", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path]);
        var outcome = await ToolRun.RunAsync(options.Value.FfmpegPath, args, cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"ffmpeg could not make the demo clip {Path.GetFileName(path)}: {outcome.ErrorTail}");
        }
    }

    // The demo's own clips failing to probe or transcode means ffmpeg is missing or broken: unexpected, so an exception.
    private static T Expect<T>(Result<T> result, string name) =>
        result.TryGetValue(out var value) ? value : throw new InvalidOperationException($"The demo clip '{name}' could not be prepared: {result.Error}");
}
