using System.Security.Claims;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Web.Components.Dialogs;
using MediaAdmin.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;

namespace MediaAdmin.Web.Components.Pages.Library;

/// <summary>The console's home: browse, select up to 20, confirm, delete, and see what happened.</summary>
public sealed partial class LibraryPage : IDisposable
{
    // MudButton's markup on plain buttons: each open page holds its components for as long as it is open.
    private static readonly MarkupString UploadIcon = MudIconMarkup.Svg(Icons.Material.Filled.CloudUpload);
    private static readonly MarkupString DeleteIcon = MudIconMarkup.Svg(Icons.Material.Filled.Delete);

    private readonly DeletionSelection _selection = new();
    private LibraryQuery _query = new();
    private IReadOnlyList<Category> _categories = [];
    private DeleteVideosResult? _result;
    private string? _lastVideoIds;
    private string? _drawerAssetId;
    private string _userId = string.Empty;
    private bool _deleting;
    private IReadOnlyList<LibraryRow> _rows = [];
    private LibraryPageWindow _window;
    private CancellationTokenSource? _load;
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

    private bool Loading => _load is not null;

    /// <summary>The refusal shown when a 21st asset is picked.</summary>
    internal string? SelectionRefusal { get; private set; }

    internal DeletionSelection Selection => _selection;

    /// <summary>Why this user may not delete anything (a Viewer); null when "Delete selected" is offered.</summary>
    internal string? DeleteRefusal { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        _live = new LiveIngestProgress(IngestProgress, OnIngestProgressAsync, DispatchExceptionAsync);
        var user = (await AuthenticationState).User;
        _userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        DeleteRefusal = (await Previews.MayDeleteAnyAsync(_userId)).Error;
        _mayUpload = await Permissions.HasAsync(_userId, PermissionNames.UploadMedia);
        var values = QueryHelpers.ParseQuery(Navigation.ToAbsoluteUri(Navigation.Uri).Query).ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        _query = LibraryUrl.Parse(values);
        _categories = await Library.CategoriesAsync();
        Notifier.Deleted += OnDeletedElsewhere;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // The rows load once the circuit runs the page, as the grid loaded them: not while prerendering.
            _interactive = true;
            await ReloadAsync();
        }
    }

    /// <summary>Loads the rows of <see cref="_query"/>; a newer load cancels an older one still running.</summary>
    private async Task ReloadAsync()
    {
        var previous = _load;
        var load = new CancellationTokenSource();
        _load = load;
        previous?.Cancel();
        StateHasChanged();
        try
        {
            var result = await Library.QueryAsync(_userId, _query, load.Token);
            load.Token.ThrowIfCancellationRequested();

            // The answer may come after the user went to another page; writing the view back must not pull them back.
            if (Navigation.ToBaseRelativePath(Navigation.Uri).Split('?', '#')[0].Length == 0)
            {
                Navigation.NavigateTo(LibraryUrl.For(_query), new NavigationOptions { ReplaceHistoryEntry = true });
            }

            if (!result.IsSuccess)
            {
                Snackbar.Add(result.Problem.Message, Severity.Warning);
                _rows = [];
                _window = new LibraryPageWindow(_query.Page, _query.PageSize, 0, false);
                return;
            }

            await _live.TrackAsync(result.Value.Rows, load.Token);
            _rows = result.Value.Rows;
            _window = new LibraryPageWindow(_query.Page, _query.PageSize, result.Value.TotalCount, result.Value.CountIsCapped);
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            // A newer load (or closing the page) replaced this one.
        }
        finally
        {
            if (_load == load)
            {
                _load = null;
            }

            load.Dispose();
            StateHasChanged();
        }
    }

    /// <summary>A header click: the sorted column flips its direction; another column sorts ascending, from the first page.</summary>
    private Task SortByAsync(LibrarySort column) =>
        SetViewAsync(_query with { Sort = column, Descending = column == _query.Sort && !_query.Descending, Page = 0 });

    private Task GoToPageAsync(int page) => SetViewAsync(_query with { Page = Math.Clamp(page, 0, _window.LastPage) });

    private Task SetPageSizeAsync(int size) => SetViewAsync(_query with { PageSize = size, Page = 0 });

    private Task SetViewAsync(LibraryQuery query)
    {
        _query = query;
        return ReloadAsync();
    }

    private Task SetFilterAsync(LibraryQuery query) => SetViewAsync(query with { Page = 0 });

    private void OpenDrawer(LibraryRow row) => _drawerAssetId = row.Id;

    public void Dispose()
    {
        Notifier.Deleted -= OnDeletedElsewhere;
        _load?.Cancel();
        _live?.Dispose();
    }
}
