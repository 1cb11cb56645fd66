using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// One 60-second 1080p source through the ingest pipeline (submit until the asset is Normal: the mezzanine copy,
/// the probes, the worker's pickup, ffmpeg, storing every output and its row) against the floor: the same ffmpeg
/// command lines (<see cref="FfmpegArguments"/>) run bare into a temp folder. Rounds alternate who goes first.
/// </summary>
internal static class IngestBenchmark
{
    private const int SourceSeconds = 60;
    private static readonly TimeSpan StatusPoll = TimeSpan.FromMilliseconds(50);

    public static Task<int> RunAsync(string[] args) =>
        BenchmarkFolder.RunInAsync("mediaadmin-ingest-", root => RunInAsync(root, Stats.Rounds(args, 1)));

    private static async Task<int> RunInAsync(string root, int rounds)
    {
        var clock = Stopwatch.StartNew();
        var source = await MakeSourceAsync(root);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"source: 1920x1080 {SourceSeconds} s, {new FileInfo(source).Length / 1e6:F1} MB, made in {clock.Elapsed.TotalSeconds:F1} s"));

        await using var host = await BenchmarkHost.StartAsync(Path.Combine(root, "pipeline"));
        var editorId = await CreateEditorAsync(host);
        var pipelineTimes = new List<double>();
        var bareTimes = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                pipelineTimes.Add(await TimePipelineAsync(host, editorId, source, round));
                bareTimes.Add(await TimeBareAsync(host, source, Path.Combine(root, $"bare-{round}")));
            }
            else
            {
                bareTimes.Add(await TimeBareAsync(host, source, Path.Combine(root, $"bare-{round}")));
                pipelineTimes.Add(await TimePipelineAsync(host, editorId, source, round));
            }
        }

        var pipeline = Stats.Median(pipelineTimes);
        var bare = Stats.Median(bareTimes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: source_s={SourceSeconds} pipeline_s={pipeline:F2} bare_ffmpeg_s={bare:F2} ratio={pipeline / bare:F2}"));
        return 0;
    }

    /// <summary>testsrc2 and a sine tone, encoded fast: the source only has to exist, its own encode is not measured.</summary>
    private static async Task<string> MakeSourceAsync(string folder)
    {
        var path = Path.Combine(folder, "source-1080p.mp4");
        var seconds = SourceSeconds.ToString(CultureInfo.InvariantCulture);
        await RunFfmpegAsync(
        [
            "-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc2=size=1920x1080:rate=25:duration={seconds}",
            "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={seconds}",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "mp4", path,
        ]);
        return path;
    }

    /// <summary>From the call to SubmitAsync until the asset reads Normal; also prints where the time went.</summary>
    private static async Task<double> TimePipelineAsync(BenchmarkHost host, string editorId, string source, int round)
    {
        var pipeline = host.Services.GetRequiredService<IIngestPipeline>();
        var clock = Stopwatch.StartNew();

        // Where the time goes: the first of each step, seen on the job's own thread as it gets there.
        var steps = new ConcurrentDictionary<IngestStep, double>();
        host.Services.GetRequiredService<IngestHooks>().StepReached = (_, step) => steps.TryAdd(step, clock.Elapsed.TotalSeconds);
        var submitted = await pipeline.SubmitAsync(new IngestSubmission(editorId, $"Benchmark round {round}", source, "source-1080p.mp4"));
        var submitSeconds = clock.Elapsed.TotalSeconds;
        var id = submitted.TryGetValue(out var videoId) ? videoId : throw new InvalidOperationException($"the pipeline refused the source: {submitted.Error}");

        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>();
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var asset = await db.MediaAssets.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Status, a.StatusReason }).SingleAsync();
            if (asset.Status == MediaStatus.Normal)
            {
                break;
            }

            if (asset.Status is MediaStatus.TranscodeFail or MediaStatus.UploadFail)
            {
                throw new InvalidOperationException($"the pipeline ended in {asset.Status}: {asset.StatusReason}");
            }

            await Task.Delay(StatusPoll);
        }

        var total = clock.Elapsed.TotalSeconds;
        var files = await FileCountAsync(dbFactory, id);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {round} pipeline: submitted_at_s={submitSeconds:F2} job_started_at_s={At(IngestStep.Started):F2} first_output_stored_at_s={At(IngestStep.StoringOutputs):F2} committing_at_s={At(IngestStep.Committing):F2} normal_seen_at_s={total:F2} files={files}"));
        return total;

        double At(IngestStep step) => steps.GetValueOrDefault(step, double.NaN);
    }

    /// <summary>The command lines the transcoder runs for a video, one after the other as it runs them, and nothing else.</summary>
    private static async Task<double> TimeBareAsync(BenchmarkHost host, string source, string workFolder)
    {
        var probed = await host.Services.GetRequiredService<IMediaProbe>().ProbeAsync(source);
        var request = new TranscodeRequest(source, probed.Value, workFolder, host.Services.GetRequiredService<IOptions<IngestOptions>>().Value.SnapshotInterval);
        var renditions = RenditionLadder.Plan(request.Probe);
        var download = renditions.Single(r => r.Format == RenditionFormat.Mp4);
        Directory.CreateDirectory(Path.Combine(workFolder, FfmpegArguments.StreamsFolder));
        Directory.CreateDirectory(Path.Combine(workFolder, FfmpegArguments.SnapshotsFolder));

        var clock = Stopwatch.StartNew();
        await RunFfmpegAsync(FfmpegArguments.Video(request, renditions));
        await RunFfmpegAsync(FfmpegArguments.VideoCover(request, download));
        await RunFfmpegAsync(FfmpegArguments.Sprites(request));
        var elapsed = clock.Elapsed.TotalSeconds;

        var files = Directory.EnumerateFiles(workFolder, "*", SearchOption.AllDirectories).Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare ffmpeg: s={elapsed:F2} files={files} renditions={renditions.Count}"));
        Directory.Delete(workFolder, recursive: true);
        return elapsed;
    }

    private static async Task RunFfmpegAsync(IReadOnlyList<string> arguments)
    {
        var outcome = await ToolRun.RunAsync("ffmpeg", arguments, CancellationToken.None);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("ffmpeg failed: " + outcome.ErrorTail);
        }
    }

    private static async Task<int> FileCountAsync(IDbContextFactory<MediaDbContext> dbFactory, string id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.MediaFiles.CountAsync(f => f.AssetId == id);
    }

    private static async Task<string> CreateEditorAsync(BenchmarkHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountProvisioning>().CreateAsync("ingest@example.com", RoleNames.Editor);
        return result.User?.Id ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }
}
