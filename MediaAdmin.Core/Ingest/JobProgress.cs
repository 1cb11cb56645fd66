namespace MediaAdmin.Core.Ingest;

/// <summary>A running job's latest progress, written by ffmpeg's output reader and read by the heartbeat.</summary>
internal sealed class JobProgress
{
    private double _value;

    public double Value
    {
        get => Volatile.Read(ref _value);
        set => Volatile.Write(ref _value, value);
    }
}

/// <summary>
/// Records ffmpeg's progress as it is reported, on the reader's own thread (no hop through a synchronization
/// context), and reaches <see cref="IngestStep.Encoding"/> once, while ffmpeg waits on its output.
/// </summary>
internal sealed class EncodingProgress(JobProgress progress, Action firstReport) : IProgress<double>
{
    private int _reported;

    public void Report(double value)
    {
        progress.Value = value;
        if (Interlocked.Exchange(ref _reported, 1) == 0)
        {
            firstReport();
        }
    }
}
