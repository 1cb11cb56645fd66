namespace MediaAdmin.Core.Reconciliation;

/// <summary>A run as the page and the command line show it: who, what kind, how far, what it found.</summary>
public sealed record ReconciliationSummary(
    long Id,
    string RunBy,
    bool Fix,
    ReconciliationState State,
    ReconciliationPhase Phase,
    long KeysScanned,
    long FilesChecked,
    long FilesAtStart,
    long OrphansFound,
    long MissingFound,
    long Fixed,
    string? Error,
    DateTime StartedAtUtc,
    DateTime? FinishedAtUtc)
{
    /// <summary>
    /// How far the run is, from 0 to 100. Storage holds about as many files as the library has rows, so each
    /// walk counts for half, measured against the rows there were at the start.
    /// </summary>
    public int Percent
    {
        get
        {
            if (State != ReconciliationState.Running || Phase == ReconciliationPhase.Done)
            {
                return 100;
            }

            var expected = Math.Max(1, FilesAtStart);
            var walked = Phase == ReconciliationPhase.Storage
                ? Math.Min(KeysScanned, expected)
                : expected + Math.Min(FilesChecked, expected);
            return (int)Math.Min(99, walked * 100 / (2 * expected));
        }
    }

    public static ReconciliationSummary From(ReconciliationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ReconciliationSummary(
            run.Id, run.RunBy, run.Fix, run.State, run.Phase, run.KeysScanned, run.FilesChecked, run.FilesAtStart,
            run.OrphansFound, run.MissingFound, run.Fixed, run.Error, run.StartedAtUtc, run.FinishedAtUtc);
    }
}
