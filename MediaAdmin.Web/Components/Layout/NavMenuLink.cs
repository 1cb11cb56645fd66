using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;

namespace MediaAdmin.Web.Components.Layout;

/// <summary>
/// One menu entry as MudNavLink's markup, built once in its two states: every open page holds its menu in its
/// circuit, and one markup frame an entry is a tenth of the frames its elements and attributes took.
/// </summary>
internal sealed class NavMenuLink(string href, string text, string icon, string? testId = null)
{
    public string Href { get; } = href;

    public MarkupString Active { get; } = Markup(href, text, icon, testId, active: true);

    public MarkupString Inactive { get; } = Markup(href, text, icon, testId, active: false);

    private static MarkupString Markup(string href, string text, string icon, string? testId, bool active)
    {
        var state = active ? " active\" aria-current=\"page\"" : "\"";
        var testIdAttribute = testId is null ? string.Empty : $" data-testid=\"{Encode(testId)}\"";
        return new(
            $"""<div class="mud-nav-item mud-ripple"><a href="{Encode(href)}" class="mud-nav-link mud-ripple{state}{testIdAttribute}>"""
            + MudIconMarkup.Html(icon, classes: "mud-nav-link-icon mud-nav-link-icon-default")
            + $"""<div class="mud-nav-link-text">{Encode(text)}</div></a></div>""");
    }

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
