namespace MediaAdmin.Core.Ingest;

/// <summary>One asset to transcode: the source on local disk, what ffprobe found in it, and an empty folder to write into.</summary>
public sealed record TranscodeRequest(string SourcePath, MediaProbe Probe, string WorkFolder, TimeSpan SnapshotInterval)
{
    /// <summary>The HLS segment length; short enough to start playing fast, long enough to keep file counts sane.</summary>
    public TimeSpan SegmentLength { get; init; } = TimeSpan.FromSeconds(4);
}
