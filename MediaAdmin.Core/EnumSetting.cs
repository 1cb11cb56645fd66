namespace MediaAdmin.Core;

/// <summary>
/// How a setting names one of a fixed set of choices: by name, in any letter case. A number is refused, because
/// the binder would accept "1" for whichever member happens to have that value, and the start-up message should
/// name the choices instead.
/// </summary>
public static class EnumSetting
{
    /// <summary>The member <paramref name="text"/> names, or null when it names none.</summary>
    public static TEnum? Parse<TEnum>(string? text)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _) ? value : null;
}
