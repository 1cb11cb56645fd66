using System.Globalization;
using System.Security.Claims;
using MediaAdmin.Core.Reconciliation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MediaAdmin.Web.Components.Pages.Admin;

/// <summary>
/// Starts reconciliation runs and shows them: the run in progress with a live progress bar (read from the database
/// every second, so it is right on every instance and after a restart), the last runs and their findings, paged.
/// </summary>
public sealed partial class ReconcilePage
{
    private const int FindingsPageSize = 50;

    private readonly CancellationTokenSource _closed = new();
    private ReconciliationOverview? _overview;
    private ReconciliationSummary? _selected;
    private FindingsPage? _findings;
    private FindingKind _kind;
    private int _page;
    private string? _problem;
    private string _userId = string.Empty;
    private bool _starting;
    private bool _polling;

    [Inject]
    private ReconciliationService Reconciliation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool Busy => _starting || _overview?.Current is not null;

    private int PageCount => _findings is null ? 0 : (int)Math.Ceiling(_findings.TotalCount / (double)FindingsPageSize);

    private string GracePeriod => _overview?.OrphanGracePeriod is { } grace
        ? grace.TotalHours >= 1 ? $"{grace.TotalHours.ToString("0.##", CultureInfo.InvariantCulture)} h" : $"{grace.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture)} min"
        : "the grace period";

    private int KindIndex
    {
        get => (int)_kind;
        set
        {
            if ((int)_kind != value)
            {
                _kind = (FindingKind)value;
                _page = 0;
                _ = InvokeAsync(async () =>
                {
                    await LoadFindingsAsync();
                    StateHasChanged();
                });
            }
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _userId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        await RefreshAsync();
    }

    private static string Mode(ReconciliationSummary run) => run.Fix ? "fix" : "dry run";

    private static string Counts(ReconciliationSummary run) =>
        $"{run.Percent}% · {run.KeysScanned:N0} stored files and {run.FilesChecked:N0} of {run.FilesAtStart:N0} library files checked · "
        + $"{run.OrphansFound:N0} orphans · {run.MissingFound:N0} missing · {run.Fixed:N0} fixed";

    private static string Outcome(FindingLine line) => line.Outcome switch
    {
        FindingOutcome.Reported => "reported",
        FindingOutcome.Removed => "removed",
        FindingOutcome.TooRecent => "kept: written within the grace period",
        FindingOutcome.RemoveFailed => $"removing failed: {line.Error}",
        FindingOutcome.AssetMarked => "asset marked",
        _ => line.Outcome.ToString(),
    };

    private async Task ConfirmFixAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Start a fix?",
            $"The fix removes from storage every file that no asset, pending removal or running ingest accounts for and that was last written more than {GracePeriod} ago, "
            + "and marks the assets whose files are missing. Removed files cannot be brought back; a dry run lists what a fix would remove.",
            yesText: "Remove orphans",
            cancelText: "Cancel");
        if (confirmed == true)
        {
            await StartAsync(fix: true);
        }
    }

    private async Task StartAsync(bool fix)
    {
        if (_starting)
        {
            return;
        }

        _starting = true;
        try
        {
            var started = await Reconciliation.StartAsync(_userId, fix, _closed.Token);
            _problem = started.Error;
            await RefreshAsync();
            if (started.TryGetValue(out var run))
            {
                await SelectAsync(run);
            }
        }
        finally
        {
            _starting = false;
        }
    }

    private async Task SelectAsync(ReconciliationSummary run)
    {
        _selected = run;
        _page = 0;
        await LoadFindingsAsync();
    }

    private async Task PageAsync(int page)
    {
        _page = page - 1;
        await LoadFindingsAsync();
    }

    private async Task LoadFindingsAsync()
    {
        if (_selected is null)
        {
            return;
        }

        var found = await Reconciliation.GetFindingsAsync(_userId, _selected.Id, _kind, _page, FindingsPageSize, _closed.Token);
        _findings = found.TryGetValue(out var findings) ? findings : null;
        _problem ??= found.Error;
    }

    public void Dispose()
    {
        _closed.Cancel();
        _closed.Dispose();
    }
}
