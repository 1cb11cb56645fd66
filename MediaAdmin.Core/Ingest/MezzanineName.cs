using System.Text;

namespace MediaAdmin.Core.Ingest;

/// <summary>Turns an uploaded file's name into the last segment of a storage key: readable, and safe whatever the name held.</summary>
public static class MezzanineName
{
    private const int MaxLength = 100;

    /// <summary>Letters, digits, '-', '_' and '.' kept, runs of anything else made one '-'; "source" when nothing usable is left.</summary>
    public static string From(string? originalFileName)
    {
        var name = Path.GetFileName(originalFileName ?? string.Empty);
        var safe = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                safe.Append(c);
            }
            else if (safe.Length > 0 && safe[^1] != '-')
            {
                safe.Append('-');
            }
        }

        var trimmed = safe.ToString().Trim('.', '-');
        if (trimmed.Length > MaxLength)
        {
            var extension = Path.GetExtension(trimmed);
            trimmed = extension.Length < 12
                ? trimmed[..(MaxLength - extension.Length)] + extension
                : trimmed[..MaxLength];
        }

        return trimmed.Length == 0 || trimmed.StartsWith('.') ? "source" + trimmed : trimmed;
    }
}
