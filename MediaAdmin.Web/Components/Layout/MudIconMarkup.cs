using Microsoft.AspNetCore.Components;

namespace MediaAdmin.Web.Components.Layout;

/// <summary>MudIcon's markup as one markup frame, for plain buttons that stand in for MudButton and MudIconButton.</summary>
internal static class MudIconMarkup
{
    public static MarkupString Svg(string path) =>
        new($"""<svg class="mud-icon-root mud-svg-icon mud-icon-size-medium" focusable="false" viewBox="0 0 24 24" aria-hidden="true">{path}</svg>""");
}
