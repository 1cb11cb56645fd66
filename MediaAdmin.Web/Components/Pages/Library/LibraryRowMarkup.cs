using System.Collections.Frozen;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using MediaAdmin.Core.Library;
using MediaAdmin.Web.Components.Layout;
using MediaAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MediaAdmin.Web.Components.Pages.Library;

/// <summary>
/// A library row's cells that have no event handler, as HTML: one markup frame each run of cells instead of about four
/// frames per cell, since an open page holds its row frames twice for as long as it is open (see the circuits
/// benchmark). Every value is HTML-encoded; titles, owner and category names are user input. Built once per row
/// loaded, so the two render buffers of a page share the strings.
/// </summary>
internal sealed record LibraryRowMarkup(MarkupString ThumbnailAndTitle, MarkupString Id, MarkupString Type, MarkupString? Status, MarkupString Details)
{
    // First: the shared cells below are encoded while the type initialises.
    private static readonly HtmlEncoder TextEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly string LockIcon = MudIconMarkup.Html(Icons.Material.Filled.Lock, "small", "mud-warning-text");

    /// <summary>The row's cells; its status cell as loaded, which fresh ingest progress replaces.</summary>
    public static LibraryRowMarkup For(LibraryRow row) =>
        new(ThumbnailAndTitleOf(row), IdOf(row), TypeOf(row), AssetStatusChip.Cell(row.Status, progress: null, row.MissingFiles), DetailsOf(row));

    /// <summary>The thumbnail cell and the title cell, with the lock and its reason on a row the user may not delete.</summary>
    private static MarkupString ThumbnailAndTitleOf(LibraryRow row)
    {
        var thumbnail = row.ThumbnailUrl is { } url ? $"""<img class="media-thumb" src="{Encode(url)}" alt="" loading="lazy" />""" : string.Empty;
        var lockIcon = row.DeleteDeniedReason is { } reason
            ? $"""<span class="lock-icon" role="img" aria-label="{Encode(reason)}" title="{Encode(reason)}" data-testid="not-deletable">{LockIcon}</span>"""
            : string.Empty;
        var title = Encode(row.Title);
        return new(
            $"""<td class="mud-table-cell">{thumbnail}</td><td class="mud-table-cell" data-label="Title"><div class="title-cell">{lockIcon}"""
            + $"""<span class="title-text" title="{title}" data-testid="row-title">{title}</span></div></td>""");
    }

    private static MarkupString IdOf(LibraryRow row)
    {
        var id = Encode(row.Id);
        return new($"""<span class="mono id-text" title="{id}" data-testid="row-id">{id}</span>""");
    }

    private static MarkupString TypeOf(LibraryRow row) => TypeCells[row.MediaType];

    // One string per media type, shared by every row of every open page.
    private static readonly FrozenDictionary<MediaType, MarkupString> TypeCells = Enum.GetValues<MediaType>()
        .ToFrozenDictionary(type => type, type => new MarkupString($"""<td class="mud-table-cell" data-label="Type">{Encode(type.ToString())}</td>"""));

    /// <summary>Duration, size, owner, category and creation time: the row's last cells.</summary>
    private static MarkupString DetailsOf(LibraryRow row) => new(
        $"""<td class="mud-table-cell" data-label="Duration">{Encode(Format.Duration(row.DurationSeconds))}</td>"""
        + $"""<td class="mud-table-cell nowrap" data-label="Size">{Encode(Format.Bytes(row.TotalSizeBytes))}</td>"""
        + $"""<td class="mud-table-cell" data-label="Owner">{Encode(row.OwnerName)}</td>"""
        + $"""<td class="mud-table-cell" data-label="Category">{Encode(row.Category ?? string.Empty)}</td>"""
        + $"""<td class="mud-table-cell nowrap" data-label="Created">{Encode(Format.Time(row.CreatedAtUtc))}</td>""");

    /// <summary>
    /// HTML-encodes text for these markup frames. Unlike <see cref="HtmlEncoder.Default"/> it leaves non-ASCII letters
    /// as they are (still escaping markup and quotes), so a CJK title is not held as four times the bytes per circuit.
    /// </summary>
    internal static string Encode(string value) => TextEncoder.Encode(value);
}
