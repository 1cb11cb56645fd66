using MediaAdmin.Core.Results;
using Microsoft.Extensions.Configuration;

namespace MediaAdmin.Core.Sources;

/// <summary>
/// Reads <c>Library:Source</c> the one way every part of the console does: a source's name in any letter case, or
/// nothing for <see cref="LibrarySourceKind.Local"/>. Numbers are refused, where the enum parser would take "2" for a
/// source that does not exist and start the console on the local library without a word.
/// </summary>
public static class LibrarySourceSetting
{
    public const string Key = LibrarySourceOptions.Section + ":" + nameof(LibrarySourceOptions.Source);

    /// <summary>The source the setting names, or why it names none.</summary>
    public static Result<LibrarySourceKind> Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return LibrarySourceKind.Local;
        }

        var name = Enum.GetNames<LibrarySourceKind>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is null
            ? Problem.Invalid($"{Key} is '{value}'; it must be one of {string.Join(", ", Enum.GetNames<LibrarySourceKind>())} (a name, not a number).")
            : Enum.Parse<LibrarySourceKind>(name);
    }

    /// <summary>True only when the setting validly names <see cref="LibrarySourceKind.AlibabaVod"/>; a bad value stops start-up elsewhere.</summary>
    public static bool IsAlibabaVod(IConfiguration configuration) =>
        Read(configuration) is { IsSuccess: true } source && source.Value == LibrarySourceKind.AlibabaVod;
}
