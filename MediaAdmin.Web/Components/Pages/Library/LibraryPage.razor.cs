using System.Security.Claims;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Web.Components.Dialogs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;

namespace MediaAdmin.Web.Components.Pages.Library;

/// <summary>The console's home: browse, select up to 20, confirm, delete, and see what happened.</summary>
public sealed partial class LibraryPage : IDisposable
{
    private readonly DeletionSelection _selection = new();
    private MudDataGrid<LibraryRow> _grid = default!;
    private LibraryQuery _query = new();
    private IReadOnlyList<Category> _categories = [];
    private DeleteVideosResult? _result;
    private string? _lastVideoIds;
    private string? _searchText;
    private string? _idText;
    private string? _drawerAssetId;
    private string _userId = string.Empty;
    private bool _deleting;
    private bool _countCapped;
    private bool _firstLoad = true;
    private bool _interactive;
    private bool _mayUpload;
    private LiveIngestProgress _live = default!;

    // Bumped on a refused pick: re-creates the checkboxes, since the refused one already ticked itself.
    private int _refusals;

    [Inject]
    private LibraryQueryService Library { get; set; } = default!;

    [Inject]
    private IngestProgressService IngestProgress { get; set; } = default!;

    [Inject]
    private VideoDeletionService Deletion { get; set; } = default!;

    [Inject]
    private DeletionPreviewService Previews { get; set; } = default!;

    [Inject]
    private DeletionNotifier Notifier { get; set; } = default!;

    [Inject]
    private PermissionService Permissions { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IOptions<CdnOptions> Cdn { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string RefreshConsoleUrl => Cdn.Value.RefreshConsoleUrl;

    private string PagerInfo => _countCapped ? "{first_item}-{last_item} of 10,000+" : "{first_item}-{last_item} of {all_items}";

    /// <summary>The refusal shown when a 21st asset is picked.</summary>
    internal string? SelectionRefusal { get; private set; }

    internal DeletionSelection Selection => _selection;

    /// <summary>Why this user may not delete anything (a Viewer); null when "Delete selected" is offered.</summary>
    internal string? DeleteRefusal { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        DeleteRefusal = (await Previews.MayDeleteAnyAsync(_userId)).Error;
        _mayUpload = await Permissions.HasAsync(_userId, PermissionNames.UploadMedia);
        var values = QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query).ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        _query = LibraryUrl.Parse(values);
        _searchText = _query.Search;
        _idText = _query.VideoId;
        _categories = await Library.CategoriesAsync();
        Notifier.Deleted += OnDeletedElsewhere;
        _live = new LiveIngestProgress(IngestProgress, OnIngestProgressAsync, DispatchExceptionAsync);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }

        if (firstRender && _query.Sort != LibrarySort.Created)
        {
            // Show the URL's sort on the column header, not only in the data.
            var direction = _query.Descending ? SortDirection.Descending : SortDirection.Ascending;
            switch (_query.Sort)
            {
                case LibrarySort.Title:
                    await _grid.SetSortAsync("Title", direction, r => r.Title);
                    break;
                case LibrarySort.Size:
                    await _grid.SetSortAsync("Size", direction, r => r.TotalSizeBytes);
                    break;
                case LibrarySort.Duration:
                    await _grid.SetSortAsync("Duration", direction, r => r.DurationSeconds);
                    break;
            }
        }
    }

    private async Task<GridData<LibraryRow>> LoadAsync(GridState<LibraryRow> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var (field, descending) = sort is null
            ? (_firstLoad ? (_query.Sort, _query.Descending) : (LibrarySort.Created, true))
            : (SortFieldOf(sort.SortBy), sort.Descending);
        _firstLoad = false;
        _query = _query with { Page = state.Page, PageSize = state.PageSize, Sort = field, Descending = descending };

        var result = await Library.QueryAsync(_userId, _query, cancellationToken);

        // The answer may come after the user went to another page; writing the view back must not pull them back.
        if (Navigation.ToBaseRelativePath(Navigation.Uri).Split('?', '#')[0].Length == 0)
        {
            Navigation.NavigateTo(LibraryUrl.For(_query), new NavigationOptions { ReplaceHistoryEntry = true });
        }
        if (!result.IsSuccess)
        {
            Snackbar.Add(result.Problem.Message, Severity.Warning);
            return new GridData<LibraryRow> { Items = [], TotalItems = 0 };
        }

        _countCapped = result.Value.CountIsCapped;
        await _live.TrackAsync(result.Value.Rows, cancellationToken);
        return new GridData<LibraryRow> { Items = result.Value.Rows, TotalItems = result.Value.TotalCount };
    }

    private static LibrarySort SortFieldOf(string? column) => column switch
    {
        not null when column.Contains("Title", StringComparison.OrdinalIgnoreCase) => LibrarySort.Title,
        not null when column.Contains("Size", StringComparison.OrdinalIgnoreCase) => LibrarySort.Size,
        not null when column.Contains("Duration", StringComparison.OrdinalIgnoreCase) => LibrarySort.Duration,
        _ => LibrarySort.Created,
    };

    private async Task SearchKeyUpAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await ApplyFiltersAsync();
        }
    }

    private Task ApplyFiltersAsync() => SetFilterAsync(_query with { Search = _searchText, VideoId = _idText });

    private async Task SetFilterAsync(LibraryQuery query)
    {
        _query = query with { Page = 0 };
        if (_grid.CurrentPage != 0)
        {
            // Navigating to the first page reloads the data itself.
            _grid.NavigateTo(MudBlazor.Page.First);
            return;
        }

        await _grid.ReloadServerData();
    }

    private void Toggle(LibraryRow row, bool selected)
    {
        SelectionRefusal = null;
        if (!selected)
        {
            _selection.Remove(row.Id);
            return;
        }

        SelectionRefusal = _selection.TryAdd(new SelectedAsset(row.Id, row.Title, row.CanDelete, row.DeleteDeniedReason)).Error;
        if (SelectionRefusal is not null)
        {
            _refusals++;
            Snackbar.Add(SelectionRefusal, Severity.Warning);
        }
    }

    private void Unselect(string id)
    {
        _selection.Remove(id);
        SelectionRefusal = null;
    }

    private void ClearSelection()
    {
        _selection.Clear();
        SelectionRefusal = null;
    }

    private static string RowClass(LibraryRow row, int index) => row.CanDelete ? string.Empty : "row-not-deletable";

    private static readonly MarkupString CopyIcon = new(Icons.Material.Filled.ContentCopy);

    private Task CopyIdAsync(string id) => CopyAsync(id, $"Copied {id}");

    private Task CopySelectedIdsAsync() => CopyAsync(_selection.ToVideoIds(), $"Copied {_selection.Count} IDs");

    private async Task CopyAsync(string text, string confirmation)
    {
        var copied = await JS.InvokeAsync<bool>("mediaAdmin.copyText", text);
        Snackbar.Add(copied ? confirmation : "The browser refused the clipboard.", copied ? Severity.Normal : Severity.Warning);
    }

    private async Task DeleteSelectedAsync()
    {
        if (_deleting || _selection.Count == 0 || DeleteRefusal is not null)
        {
            return;
        }

        // What the user confirms is what is sent, even if a colleague's deletion changes the selection meanwhile.
        await ConfirmAndDeleteAsync(_selection.Items.Select(i => i.Id).ToList(), _selection.ToVideoIds());
    }

    private void OpenDrawer(DataGridRowClickEventArgs<LibraryRow> click) => _drawerAssetId = click.Item.Id;

    /// <summary>The drawer's Delete: the same confirmation and deletion as "Delete selected", for the one asset shown.</summary>
    private async Task DeleteFromDrawerAsync(AssetPreview asset)
    {
        if (_deleting || DeleteRefusal is not null)
        {
            return;
        }

        if (await ConfirmAndDeleteAsync([asset.Asset.Id], asset.Asset.Id))
        {
            _drawerAssetId = null;
        }
    }

    /// <summary>Shows the confirmation for <paramref name="ids"/>, then deletes them; false when the user cancels.</summary>
    private async Task<bool> ConfirmAndDeleteAsync(IReadOnlyList<string> ids, string videoIds)
    {
        var preview = await Previews.PreviewAsync(_userId, ids);
        var parameters = new DialogParameters<ConfirmDeleteDialog> { { d => d.Preview, preview } };
        var options = new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Medium, FullWidth = true };
        var dialog = await Dialogs.ShowAsync<ConfirmDeleteDialog>("Delete assets", parameters, options);
        var answer = await dialog.Result;
        if (answer is null || answer.Canceled)
        {
            return false;
        }

        await RunDeletionAsync(videoIds);
        return true;
    }

    private async Task OpenUploadAsync()
    {
        var parameters = new DialogParameters<UploadDialog> { { d => d.Categories, _categories } };
        var options = new DialogOptions { CloseOnEscapeKey = false, BackdropClick = false, MaxWidth = MaxWidth.Medium, FullWidth = true };
        var dialog = await Dialogs.ShowAsync<UploadDialog>("Upload media", parameters, options);
        if (await dialog.Result is { Canceled: false, Data: > 0 })
        {
            await _grid.ReloadServerData();
        }
    }

    private Task RetryAsync() => _lastVideoIds is null ? Task.CompletedTask : RunDeletionAsync(_lastVideoIds);

    private async Task RunDeletionAsync(string videoIds)
    {
        if (_deleting)
        {
            return;
        }

        _deleting = true;
        try
        {
            var result = await Deletion.DeleteAsync(new DeletionCaller(_userId, DeletionChannel.Console), videoIds);
            _result = result;
            _lastVideoIds = videoIds;
            if (result.Error is null || result.Error.Code == DeletionError.InvalidVideoNotFound.Code)
            {
                // Forbidden ones stay selected, so the user sees what is left.
                _selection.RemoveAll(result.Deleted.Select(d => d.VideoId).Concat(result.NonExistent));
            }

            await _grid.ReloadServerData();
        }
        finally
        {
            _deleting = false;
        }
    }

    private void OnDeletedElsewhere(AssetsDeleted deleted)
    {
        _ = InvokeAsync(async () =>
        {
            var dropped = _selection.RemoveAll(deleted.VideoIds);
            if (dropped.Count > 0 && !_deleting)
            {
                Snackbar.Add(
                    $"{deleted.DeletedBy} deleted {string.Join(", ", dropped.Select(d => d.Title))}; removed from your selection.",
                    Severity.Info,
                    config => config.VisibleStateDuration = 8000);
            }

            await _grid.ReloadServerData();
            StateHasChanged();
        });
    }

    /// <summary>Shows fresh progress; a row that reached Normal or failed is reloaded, for its size, duration and thumbnail.</summary>
    private Task OnIngestProgressAsync(bool someLeftFlight) => InvokeAsync(async () =>
    {
        if (someLeftFlight)
        {
            await _grid.ReloadServerData();
        }

        StateHasChanged();
    });

    public void Dispose()
    {
        Notifier.Deleted -= OnDeletedElsewhere;
        _live?.Dispose();
    }
}
