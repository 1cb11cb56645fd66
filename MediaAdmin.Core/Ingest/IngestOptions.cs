using System.ComponentModel.DataAnnotations;

namespace MediaAdmin.Core.Ingest;

/// <summary>Settings of media going in: upload limits, the transcoding workers and the ffmpeg tools (section "Ingest").</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>The largest upload accepted, in bytes (default 20 GiB).</summary>
    [Range(1, long.MaxValue, ErrorMessage = "Ingest:MaxUploadBytes must be a positive number of bytes.")]
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024 * 1024;

    /// <summary>How long a partial upload may sit untouched before it is removed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Ingest:AbandonedUploadAfter must be between 1 minute and 30 days.")]
    public TimeSpan AbandonedUploadAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Transcoding jobs run at once; one keeps a 2-core machine responsive.</summary>
    [Range(1, 64, ErrorMessage = "Ingest:Workers must be between 1 and 64.")]
    public int Workers { get; set; } = 1;

    /// <summary>The time between two normal snapshots (and two sprite tiles).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Ingest:SnapshotInterval must be between 1 second and 1 hour.")]
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a worker holds a running job without renewing it; a job whose worker died runs again after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Ingest:JobLease must be between 1 second and 1 hour.")]
    public TimeSpan JobLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an idle worker looks for a queued job that this process did not queue itself.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Ingest:WorkerPollInterval must be between 50 milliseconds and 10 minutes.")]
    public TimeSpan WorkerPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times a job is taken before an asset whose transcoding keeps breaking off is marked TranscodeFail.</summary>
    [Range(1, 20, ErrorMessage = "Ingest:MaxAttempts must be between 1 and 20.")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The ffmpeg executable: a name found on PATH or an absolute path.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Ingest:FfmpegPath must name the ffmpeg executable.")]
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>The ffprobe executable: a name found on PATH or an absolute path.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Ingest:FfprobePath must name the ffprobe executable.")]
    public string FfprobePath { get; set; } = "ffprobe";
}
