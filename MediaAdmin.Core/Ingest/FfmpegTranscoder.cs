using System.Globalization;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Results;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Ingest;

/// <summary><see cref="IMediaTranscoder"/> on Debian's ffmpeg, run as a child process with argument lists.</summary>
public sealed class FfmpegTranscoder(IOptions<IngestOptions> options) : IMediaTranscoder
{
    public async Task<Result<IReadOnlyList<TranscodedFile>>> TranscodeAsync(TranscodeRequest request, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Directory.CreateDirectory(Path.Combine(request.WorkFolder, FfmpegArguments.StreamsFolder));
        Directory.CreateDirectory(Path.Combine(request.WorkFolder, FfmpegArguments.SnapshotsFolder));
        var renditions = RenditionLadder.Plan(request.Probe);
        var onProgress = ProgressReader(request.Probe.DurationSeconds, progress);

        if (request.Probe.Video is null)
        {
            var audio = await RunAsync(FfmpegArguments.Audio(request, renditions), onProgress, cancellationToken);
            if (audio is not null)
            {
                return audio;
            }
        }
        else
        {
            var download = renditions.Single(r => r.Format == RenditionFormat.Mp4);
            var failed = await RunAsync(FfmpegArguments.Video(request, renditions), onProgress, cancellationToken)
                ?? await RunAsync(FfmpegArguments.VideoCover(request, download), null, cancellationToken)
                ?? await RunAsync(FfmpegArguments.Sprites(request), null, cancellationToken);
            if (failed is not null)
            {
                return failed;
            }

            var index = SpriteIndex.Write(request.Probe.DurationSeconds, request.SnapshotInterval, FfmpegArguments.SpriteTileWidth, FfmpegArguments.SpriteTileHeight(request.Probe));
            await File.WriteAllTextAsync(Path.Combine(request.WorkFolder, FfmpegArguments.SnapshotsFolder, FfmpegArguments.SpriteIndexFile), index, cancellationToken);
        }

        progress?.Report(1);
        return Result<IReadOnlyList<TranscodedFile>>.Success(TranscodedFiles.Collect(request.WorkFolder, renditions));
    }

    private async Task<Problem?> RunAsync(IReadOnlyList<string> arguments, Action<string>? onOutputLine, CancellationToken cancellationToken)
    {
        var outcome = await ToolRun.RunAsync(options.Value.FfmpegPath, arguments, cancellationToken, onOutputLine);
        if (outcome.Succeeded)
        {
            return null;
        }

        var reason = outcome.ErrorTail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? $"ffmpeg exited with code {outcome.ExitCode}";
        return Problem.Invalid($"Transcoding failed: {reason}");
    }

    // ffmpeg's -progress output: "out_time_us=1234567" lines, among others.
    private static Action<string>? ProgressReader(double durationSeconds, IProgress<double>? progress)
    {
        if (progress is null || durationSeconds <= 0)
        {
            return null;
        }

        return line =>
        {
            if (line.StartsWith("out_time_us=", StringComparison.Ordinal)
                && long.TryParse(line.AsSpan("out_time_us=".Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var microseconds))
            {
                progress.Report(Math.Clamp(microseconds / 1e6 / durationSeconds, 0, 0.99));
            }
        };
    }
}
