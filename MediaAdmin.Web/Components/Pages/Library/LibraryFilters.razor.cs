using MediaAdmin.Core.Library;
using MediaAdmin.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace MediaAdmin.Web.Components.Pages.Library;

/// <summary>The library's filters: a changed select or switch, Enter in a text box, or a clear button sends the new query.</summary>
public sealed partial class LibraryFilters
{
    private static readonly MarkupString SearchIcon = MudIconMarkup.SmallSvg(Icons.Material.Filled.Search);
    private static readonly MarkupString ClearIcon = MudIconMarkup.SmallSvg(Icons.Material.Filled.Clear);

    private string? _searchText;
    private string? _idText;

    /// <summary>The view shown; the texts typed start from it and are sent only on Enter or a clear.</summary>
    [Parameter, EditorRequired]
    public LibraryQuery Query { get; set; } = new();

    [Parameter]
    public IReadOnlyList<Category> Categories { get; set; } = [];

    /// <summary>Receives the query with the changed filter; the page goes back to its first page.</summary>
    [Parameter]
    public EventCallback<LibraryQuery> OnChange { get; set; }

    protected override void OnInitialized()
    {
        _searchText = Query.Search;
        _idText = Query.VideoId;
    }

    private Task ApplyOnEnterAsync(KeyboardEventArgs key) => key.Key is "Enter" ? ApplyTextsAsync() : Task.CompletedTask;

    private Task ClearSearchAsync()
    {
        _searchText = null;
        return ApplyTextsAsync();
    }

    private Task ClearIdAsync()
    {
        _idText = null;
        return ApplyTextsAsync();
    }

    private Task ApplyTextsAsync() => ChangeAsync(Query with { Search = _searchText, VideoId = _idText });

    private Task ChangeAsync(LibraryQuery query) => OnChange.InvokeAsync(query);
}
