namespace MediaAdmin.Core.Ingest;

/// <summary>The points of a job at which a test can act (delete the asset, stop the host) to pin what happens then.</summary>
internal enum IngestStep
{
    /// <summary>The job runs and nothing is written yet.</summary>
    Started,

    /// <summary>ffmpeg is encoding (its first progress report); it waits while the hook runs.</summary>
    Encoding,

    /// <summary>The first output is in storage, the others are not.</summary>
    StoringOutputs,

    /// <summary>Every output is in storage; the rows are about to commit.</summary>
    Committing,
}

/// <summary>
/// A test seam: called synchronously on the job's own thread, so whatever a hook does has landed
/// before the job goes on. Production registers it empty.
/// </summary>
internal sealed class IngestHooks
{
    public Action<string, IngestStep>? StepReached { get; set; }

    /// <summary>Called once per attempt with the state the job ended it in, after its clean-up.</summary>
    public Action<string, IngestJobState>? AttemptEnded { get; set; }

    public void Reach(string assetId, IngestStep step) => StepReached?.Invoke(assetId, step);
}
