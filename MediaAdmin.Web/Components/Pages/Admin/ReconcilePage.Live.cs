namespace MediaAdmin.Web.Components.Pages.Admin;

/// <summary>Keeping the page current: the overview read again every second while a run is in progress, on any instance.</summary>
public sealed partial class ReconcilePage
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private async Task RefreshAsync()
    {
        var read = await Reconciliation.GetOverviewAsync(_userId, _closed.Token);
        if (!read.TryGetValue(out var overview))
        {
            _problem = read.Error;
            return;
        }

        _overview = overview;
        if (_selected is not null)
        {
            _selected = overview.Recent.FirstOrDefault(r => r.Id == _selected.Id) ?? _selected;
        }

        if (overview.Current is not null && !_polling)
        {
            _polling = true;
            _ = PollAsync(_closed.Token);
        }
    }

    /// <summary>Re-reads the overview every second while a run is in progress, and the findings of the run on screen.</summary>
    private async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(RefreshInterval);
            while (_overview?.Current is not null && await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(async () =>
                {
                    await RefreshAsync();
                    await LoadFindingsAsync();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page was closed.
        }
        finally
        {
            _polling = false;
        }
    }
}
