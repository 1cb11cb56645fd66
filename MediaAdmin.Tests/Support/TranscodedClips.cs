using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Support;

/// <summary>
/// Real assets for preview and playback tests: a 640×360 clip with a tone and an audio tone, each run once per test
/// run through the real transcoder, then added as often as a test needs with every output a file of the asset.
/// </summary>
public static class TranscodedClips
{
    public const double VideoSeconds = 4;

    private static readonly Lazy<Task<Transcoded>> Video = new(() => TranscodeAsync(audioOnly: false));
    private static readonly Lazy<Task<Transcoded>> Audio = new(() => TranscodeAsync(audioOnly: true));

    /// <summary>A new Normal video asset of <paramref name="ownerId"/> with the clip's mezzanine, HLS ladder, MP4, snapshots and sprite.</summary>
    public static Task<MediaAsset> AddVideoAsync(AssetIngestion ingestion, string ownerId, string title, MediaStatus status = MediaStatus.Normal, long? categoryId = null) =>
        AddAsync(Video.Value, ingestion, ownerId, title, status, categoryId);

    /// <summary>A new Normal audio asset of <paramref name="ownerId"/> with AAC and MP3 renditions and a waveform cover.</summary>
    public static Task<MediaAsset> AddAudioAsync(AssetIngestion ingestion, string ownerId, string title) =>
        AddAsync(Audio.Value, ingestion, ownerId, title, MediaStatus.Normal, null);

    private static async Task<MediaAsset> AddAsync(Task<Transcoded> transcoding, AssetIngestion ingestion, string ownerId, string title, MediaStatus status, long? categoryId)
    {
        ArgumentNullException.ThrowIfNull(ingestion);
        var clip = await transcoding;
        var files = new List<FileDraft> { new(MediaFileKind.Mezzanine, "source" + Path.GetExtension(clip.SourcePath), Path.GetExtension(clip.SourcePath).TrimStart('.'), await File.ReadAllBytesAsync(clip.SourcePath)) };
        foreach (var file in clip.Files)
        {
            files.Add(new FileDraft(
                file.Kind, file.RelativePath, file.Format, await File.ReadAllBytesAsync(Path.Combine(clip.WorkFolder, file.RelativePath)),
                file.Definition, file.BitrateKbps, file.Width, file.Height, file.SnapshotKind));
        }

        return await ingestion.IngestAsync(new AssetDraft(title, clip.Probe.MediaType, ownerId, files, status, clip.Probe.DurationSeconds, categoryId));
    }

    // The outputs stay in the temp folder for the whole run (every test copies from them) and go when the test process
    // ends: left behind, every run of the suite added two folders of clips to the machine's temp folder.
    private static async Task<Transcoded> TranscodeAsync(bool audioOnly)
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediaadmin-tests", "transcoded-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(folder);
        var source = audioOnly ? await TestClips.AudioAsync(folder, VideoSeconds) : await TestClips.VideoAsync(folder, 640, 360, VideoSeconds);
        var options = Options.Create(new IngestOptions());
        var probe = (await new FfprobeMediaProbe(options).ProbeAsync(source)).Value;
        var work = Path.Combine(folder, "work");
        var request = new TranscodeRequest(source, probe, work, TimeSpan.FromSeconds(2)) { SegmentLength = TimeSpan.FromSeconds(2) };
        var files = await new FfmpegTranscoder(options).TranscodeAsync(request, null, CancellationToken.None);
        Assert.True(files.IsSuccess, files.Error);
        return new Transcoded(source, probe, work, files.Value);
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file some test still holds; the system's temp cleaning takes what is left.
        }
    }

    private sealed record Transcoded(string SourcePath, MediaProbe Probe, string WorkFolder, IReadOnlyList<TranscodedFile> Files);
}
