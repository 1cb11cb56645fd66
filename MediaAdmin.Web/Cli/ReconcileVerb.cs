using MediaAdmin.Core.Reconciliation;

namespace MediaAdmin.Web.Cli;

/// <summary>
/// Compares storage with the database from the command line, run here to the end with a line per page; an unfinished
/// run that no process holds any more is carried on instead.
/// </summary>
internal sealed class ReconcileVerb(IReadOnlyDictionary<string, string> options) : CliVerb(options)
{
    private const string Fix = "fix";

    protected override IReadOnlySet<string> AllowedOptions { get; } = new HashSet<string> { Fix };

    protected override IReadOnlySet<string> Flags { get; } = new HashSet<string> { Fix };

    protected override async Task<int> ExecuteAsync(IServiceProvider services, TextWriter output, TextWriter errors)
    {
        var fix = Options.ContainsKey(Fix);
        var result = await services.GetRequiredService<ReconciliationService>()
            .RunFromCommandLineAsync(fix, $"command line on {Environment.MachineName}", new ProgressLines(output));
        if (!result.TryGetValue(out var run))
        {
            await errors.WriteLineAsync(result.Error);
            return 1;
        }

        if (run.State == ReconciliationState.Failed)
        {
            await errors.WriteLineAsync($"Run {run.Id} failed: {run.Error}");
            return 1;
        }

        await output.WriteLineAsync(
            $"Run {run.Id} done ({Mode(run.Fix)}): {run.KeysScanned:N0} stored files and {run.FilesChecked:N0} library files checked, "
            + $"{run.OrphansFound:N0} orphans, {run.MissingFound:N0} missing, {run.Fixed:N0} fixed.");
        if (run.Fix != fix)
        {
            await output.WriteLineAsync($"An unfinished {Mode(run.Fix)} was carried on instead of starting a new run; run reconcile again for a {Mode(fix)}.");
        }

        return 0;
    }

    private static string Mode(bool fix) => fix ? "fix" : "dry run";

    /// <summary>A header for the run, then a line per page, written at once so a long run shows how far it got.</summary>
    private sealed class ProgressLines(TextWriter output) : IProgress<ReconciliationSummary>
    {
        private long? _runId;

        public void Report(ReconciliationSummary value)
        {
            if (_runId != value.Id)
            {
                _runId = value.Id;
                output.WriteLine($"Run {value.Id} ({Mode(value.Fix)}) started by {value.RunBy} at {value.StartedAtUtc:u}.");
                return;
            }

            if (value.State == ReconciliationState.Running)
            {
                output.WriteLine(
                    $"{value.Percent,3}%  {value.Phase,-8} {value.KeysScanned:N0} stored files, {value.FilesChecked:N0} library files; "
                    + $"{value.OrphansFound:N0} orphans, {value.MissingFound:N0} missing, {value.Fixed:N0} fixed");
            }
        }
    }
}
