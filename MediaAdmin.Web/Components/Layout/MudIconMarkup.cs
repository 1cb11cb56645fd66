using Microsoft.AspNetCore.Components;

namespace MediaAdmin.Web.Components.Layout;

/// <summary>MudIcon's markup as one markup frame, for plain buttons, links and cells that stand in for MudBlazor's components.</summary>
internal static class MudIconMarkup
{
    public static MarkupString Svg(string path, string? classes = null) => new(Html(path, "medium", classes));

    /// <summary>The same at MudBlazor's "small" icon size, for icons inside inputs and table headers.</summary>
    public static MarkupString SmallSvg(string path, string? classes = null) => new(Html(path, "small", classes));

    /// <summary>The markup as text, for a larger markup frame built around it.</summary>
    public static string Html(string path, string size = "medium", string? classes = null) =>
        $"""<svg class="mud-icon-root mud-svg-icon mud-icon-size-{size}{(classes is null ? "" : " " + classes)}" focusable="false" viewBox="0 0 24 24" aria-hidden="true">{path}</svg>""";
}
