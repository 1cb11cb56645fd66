using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace MediaAdmin.Web.Components.Pages.Library;

/// <summary>One page of library rows with sortable headers and the pager; it renders, and the page decides.</summary>
public sealed partial class LibraryTable
{
    private const int ColumnCount = 11;

    // Whole icons as one markup frame each: a row's frames are held twice per open page (see the circuits benchmark).
    private static readonly MarkupString CopyIcon = new($"""<svg viewBox="0 0 24 24" width="18" height="18" fill="currentColor" aria-hidden="true">{Icons.Material.Filled.ContentCopy}</svg>""");
    private static readonly MarkupString AscendingIcon = MudIconMarkup.SmallSvg(Icons.Material.Filled.ArrowUpward);
    private static readonly MarkupString DescendingIcon = MudIconMarkup.SmallSvg(Icons.Material.Filled.ArrowDownward);

    private readonly Dictionary<LibraryRow, LibraryRowMarkup> _markup = new(ReferenceEqualityComparer.Instance);
    private IReadOnlyList<LibraryRow>? _markupRows;

    [Parameter, EditorRequired]
    public IReadOnlyList<LibraryRow> Rows { get; set; } = [];

    [Parameter, EditorRequired]
    public LibraryPageWindow Window { get; set; }

    [Parameter]
    public LibrarySort Sort { get; set; }

    [Parameter]
    public bool Descending { get; set; }

    /// <summary>Whether a page is being loaded: shows the progress bar, and holds back "No assets match this view."</summary>
    [Parameter]
    public bool Loading { get; set; }

    [Parameter, EditorRequired]
    public DeletionSelection Selection { get; set; } = default!;

    /// <summary>Bumped on a refused pick: re-creates the checkboxes, since the refused one already ticked itself.</summary>
    [Parameter]
    public int Refusals { get; set; }

    /// <summary>The latest ingest progress read for an asset, if any.</summary>
    [Parameter]
    public Func<string, AssetProgress?> ProgressOf { get; set; } = _ => null;

    /// <summary>Receives the column clicked; the page decides the direction.</summary>
    [Parameter]
    public EventCallback<LibrarySort> OnSort { get; set; }

    [Parameter]
    public EventCallback<int> OnPage { get; set; }

    [Parameter]
    public EventCallback<int> OnPageSize { get; set; }

    /// <summary>A row clicked, or Enter pressed on it.</summary>
    [Parameter]
    public EventCallback<LibraryRow> OnOpen { get; set; }

    [Parameter]
    public EventCallback<LibraryRow> OnSelect { get; set; }

    [Parameter]
    public EventCallback<LibraryRow> OnUnselect { get; set; }

    [Parameter]
    public EventCallback<string> OnCopyId { get; set; }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_markupRows, Rows))
        {
            _markup.Clear();
            _markupRows = Rows;
        }
    }

    private LibraryRowMarkup MarkupOf(LibraryRow row)
    {
        if (!_markup.TryGetValue(row, out var markup))
        {
            markup = LibraryRowMarkup.For(row);
            _markup[row] = markup;
        }

        return markup;
    }

    private Task OpenOnEnterAsync(KeyboardEventArgs key, LibraryRow row) =>
        key.Key is "Enter" ? OnOpen.InvokeAsync(row) : Task.CompletedTask;


    private string AriaSort(LibrarySort column) => column != Sort ? "none" : Descending ? "descending" : "ascending";
}
