using MudBlazor;

namespace MediaAdmin.Web.Components.Layout;

internal static class ConsoleTheme
{
    public static MudTheme Value { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#00897b",
            AppbarBackground = "#0d47a1",
        },
    };
}
