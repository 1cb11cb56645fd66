namespace MediaAdmin.Web.Components.Pages.Library;

/// <summary>Reads a filter select's value: its "Any" option (an empty value), or one that names nothing, is no filter.</summary>
internal static class LibraryFilterValues
{
    public static TEnum? Enum<TEnum>(object? value)
        where TEnum : struct, Enum =>
        System.Enum.TryParse<TEnum>(value as string, ignoreCase: false, out var parsed) && System.Enum.IsDefined(parsed) ? parsed : null;

    public static long? Id(object? value) =>
        long.TryParse(value as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}
