using Microsoft.AspNetCore.Components;

namespace MediaAdmin.Web.Components.Layout;

/// <summary>MudIcon's markup as one markup frame, for plain buttons that stand in for MudButton and MudIconButton.</summary>
internal static class MudIconMarkup
{
    public static MarkupString Svg(string path) => Svg(path, "medium");

    /// <summary>The same at MudBlazor's "small" icon size, for icons inside inputs and table headers.</summary>
    public static MarkupString SmallSvg(string path) => Svg(path, "small");

    private static MarkupString Svg(string path, string size) =>
        new($"""<svg class="mud-icon-root mud-svg-icon mud-icon-size-{size}" focusable="false" viewBox="0 0 24 24" aria-hidden="true">{path}</svg>""");
}
