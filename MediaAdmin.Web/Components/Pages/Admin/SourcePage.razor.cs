using System.Globalization;
using System.Security.Claims;
using MediaAdmin.Core.Results;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Core.Sources.AlibabaVod.Status;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace MediaAdmin.Web.Components.Pages.Admin;

/// <summary>
/// The ApsaraVideo VOD source: the account, the mirror, the syncs and the callbacks received, re-read every
/// <see cref="RefreshInterval"/> from the database (so a sync another instance runs shows too), and "Sync now".
/// With the local library the page does not exist.
/// </summary>
public sealed partial class SourcePage
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _closed = new();
    private SourceOverview? _overview;
    private string? _problem;
    private string _userId = string.Empty;
    private bool _requesting;

    [Inject]
    private SourceStatusService Source { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private bool Busy => _requesting || _overview?.IsSyncing != false;

    protected override async Task OnInitializedAsync()
    {
        _userId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        if (await RefreshAsync() == ResultStatus.NotFound)
        {
            Navigation.NotFound();
            return;
        }

        _ = PollAsync(_closed.Token);
    }

    private static string Title(SyncRunSummary run) => run.Kind == SourceSyncKind.Full ? "Full sync" : "Incremental sync";

    private static string By(SyncRunSummary run) => run.RequestedBy is null ? "" : $" (Sync now by {run.RequestedBy})";

    private static string Progress(SyncRunSummary run) =>
        (run.RemoteTotal is { } total ? $"{run.Percent}% · {run.Seen:N0} of {total:N0} listed" : $"{run.Seen:N0} listed")
        + $" · {run.Added:N0} added · {run.Updated:N0} updated";

    private static string Took(SyncRunSummary run) => run.Duration is { } took
        ? took.TotalMinutes >= 1 ? $"{(int)took.TotalMinutes} min {took.Seconds} s" : $"{took.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s"
        : "";

    private async Task SyncNowAsync()
    {
        if (_requesting)
        {
            return;
        }

        _requesting = true;
        try
        {
            var requested = await Source.SyncNowAsync(_userId, _closed.Token);
            _problem = requested.Error;
            await RefreshAsync();
        }
        finally
        {
            _requesting = false;
        }
    }

    private async Task<ResultStatus> RefreshAsync()
    {
        var read = await Source.GetOverviewAsync(_userId, _closed.Token);
        if (read.TryGetValue(out var overview))
        {
            _overview = overview;
        }
        else
        {
            _problem = read.Error;
        }

        return read.Status;
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(RefreshInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(async () =>
                {
                    await RefreshAsync();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page was closed.
        }
    }

    public void Dispose()
    {
        _closed.Cancel();
        _closed.Dispose();
    }
}
