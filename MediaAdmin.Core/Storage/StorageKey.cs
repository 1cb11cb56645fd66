using System.Diagnostics.CodeAnalysis;

namespace MediaAdmin.Core.Storage;

/// <summary>
/// A validated storage key: '/'-separated segments of letters, digits, '-', '_' and '.', never '.' or '..',
/// never rooted. Whatever a caller passes, a key that parses cannot name a place outside the storage root.
/// </summary>
public readonly record struct StorageKey
{
    public const int MaxLength = 512;

    private StorageKey(string value) => Value = value;

    public string Value { get; }

    public IReadOnlyList<string> Segments => Value.Split('/');

    /// <summary>Every folder the key lies in, outermost first, each ending in '/' (<c>media/</c>, <c>media/{id}/</c>, …).</summary>
    public IEnumerable<string> Folders => FoldersOf(Value);

    internal static IEnumerable<string> FoldersOf(string key)
    {
        for (var slash = key.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = key.IndexOf('/', slash + 1))
        {
            yield return key[..(slash + 1)];
        }
    }

    public override string ToString() => Value;

    public static StorageKey Parse(string? candidate) =>
        TryParse(candidate, out var key, out var problem) ? key : throw new ArgumentException(problem, nameof(candidate));

    public static bool TryParse(string? candidate, out StorageKey key, [NotNullWhen(false)] out string? problem)
    {
        key = default;
        problem = Check(candidate);
        if (problem is not null)
        {
            return false;
        }

        key = new StorageKey(candidate!);
        return true;
    }

    private static string? Check(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate))
        {
            return "A storage key must not be empty.";
        }

        if (candidate.Length > MaxLength)
        {
            return $"A storage key must be at most {MaxLength} characters long.";
        }

        if (candidate[0] == '/' || candidate.Contains('\\', StringComparison.Ordinal) || candidate.Contains(':', StringComparison.Ordinal))
        {
            return $"Storage key '{Printable(candidate)}' must be relative and use '/' between segments.";
        }

        foreach (var segment in candidate.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                return $"Storage key '{Printable(candidate)}' has an empty, '.' or '..' segment.";
            }

            if (!segment.All(IsAllowed))
            {
                return $"Storage key '{Printable(candidate)}' may contain only letters, digits, '-', '_', '.' and '/'.";
            }
        }

        return null;
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    private static string Printable(string value) =>
        new(value.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
