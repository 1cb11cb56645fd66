namespace MediaAdmin.Core.Storage.AzureBlob;

/// <summary>Azure's rule for container names, checked before any request is made.</summary>
internal static class ContainerNames
{
    public const string Rule = "3 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit, with no two hyphens in a row.";

    public static bool IsValid(string name) =>
        name.Length is >= 3 and <= 63
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && name[0] != '-'
        && name[^1] != '-'
        && !name.Contains("--", StringComparison.Ordinal);
}
