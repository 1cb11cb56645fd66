using System.Security.Claims;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace MediaAdmin.Web.Components.Pages.Cdn;

/// <summary>
/// Every deletion that left URLs at the CDN, open reminders first by default, with its purge state kept current
/// by Core's change event. The page reads and delegates: filtering, paging, export and every action are Core's.
/// </summary>
public sealed partial class CdnRefreshPage : IDisposable
{
    private const int PageSize = 50;
    private const string OpenFilter = "Open";
    private const string AllFilter = "All";

    private static readonly string[] Filters = [OpenFilter, AllFilter, .. Enum.GetNames<CdnPurgeState>()];

    private readonly HashSet<string> _selected = new(StringComparer.Ordinal);
    private CdnLiveUpdates? _live;
    private CdnPurgePage? _page;
    private string? _problem;
    private string _userId = string.Empty;
    private string _filter = OpenFilter;
    private int _pageIndex;
    private bool _busy;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string RefreshConsoleUrl => Cdn.Value.RefreshConsoleUrl;

    private string EmptyText => _filter == OpenFilter
        ? "Nothing to refresh: every deletion's URLs are verified gone from the CDN or marked done."
        : $"No deletion matches {_filter}.";

    private CdnPurgeListQuery Query => _filter switch
    {
        OpenFilter => new CdnPurgeListQuery(OpenOnly: true, Page: _pageIndex, PageSize: PageSize),
        AllFilter => new CdnPurgeListQuery(Page: _pageIndex, PageSize: PageSize),
        _ => new CdnPurgeListQuery(Enum.Parse<CdnPurgeState>(_filter), Page: _pageIndex, PageSize: PageSize),
    };

    protected override void OnInitialized() =>
        _live = new CdnLiveUpdates(Notifier, _ => true, InvokeAsync, async ct =>
        {
            await LoadAsync(ct);
            StateHasChanged();
        }, (PurgeOptions.Value.PageRereadInterval, () => _page?.Items.Any(i => i.IsOpen || i.Removal is { IsClean: false }) == true));

    protected override async Task OnInitializedAsync()
    {
        _userId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        await LoadAsync(CancellationToken.None);
    }

    private Task ReloadAsync() => LoadAsync(CancellationToken.None);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var listed = await Queries.ListAsync(_userId, Query, cancellationToken);
        _page = listed.TryGetValue(out var page) ? page : null;
        _problem = listed.Error;
        _selected.IntersectWith(_page?.Items.Where(i => i.IsOpen && i.State == CdnPurgeState.Pending).Select(i => i.RequestId) ?? []);
    }

    private async Task FilterAsync(string filter)
    {
        (_filter, _pageIndex) = (filter, 0);
        await ReloadAsync();
    }

    private async Task PageAsync(int page)
    {
        _pageIndex = page - 1;
        await ReloadAsync();
    }

    private void Select(string requestId, bool selected)
    {
        if (selected)
        {
            _selected.Add(requestId);
        }
        else
        {
            _selected.Remove(requestId);
        }
    }

    private async Task RefreshSelectedAsync()
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        try
        {
            Snackbar.ReportRefresh(await Purges.RefreshNowAsync(_userId, [.. _selected]));
            _selected.Clear();
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ExportAsync()
    {
        var exported = await Queries.ExportCsvAsync(_userId, Query with { Page = 0 });
        if (exported.TryGetValue(out var csv))
        {
            await JS.InvokeVoidAsync("mediaAdmin.downloadText", $"cdn-refresh-{_filter.ToLowerInvariant()}.csv", csv);
        }
        else
        {
            Snackbar.Report(exported);
        }
    }

    public void Dispose() => _live?.Dispose();
}
