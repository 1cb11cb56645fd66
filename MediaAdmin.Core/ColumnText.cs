using System.Diagnostics.CodeAnalysis;

namespace MediaAdmin.Core;

/// <summary>Fits text from outside (a client, a remote service, an error) into a column of bounded length.</summary>
public static class ColumnText
{
    /// <summary>The first <paramref name="maxLength"/> characters: for values compared or looked up later, which must not change shape.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Cut(string? text, int maxLength) => text is null || text.Length <= maxLength ? text : text[..maxLength];

    /// <summary>Text a person reads: a shortened one ends in "…", so it is not taken for the whole.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Shorten(string? text, int maxLength)
    {
        if (text is null || text.Length <= maxLength)
        {
            return text;
        }

        // Never between the two halves of a character outside the BMP (an emoji, say), which no font can draw.
        var keep = maxLength - 1;
        return text[..(char.IsHighSurrogate(text[keep - 1]) ? keep - 1 : keep)] + "…";
    }
}
