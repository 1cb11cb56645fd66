namespace MediaAdmin.Web.Api.Matching;

/// <summary>One token of a Match expression, with where it starts (0-based) for error messages.</summary>
internal readonly record struct MatchToken(MatchTokenKind Kind, string Text, int Position)
{
    public bool IsKeyword(string keyword) =>
        Kind == MatchTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>The token as a message names it: "'Title' at character 1", "the end".</summary>
    public string Describe() => Kind switch
    {
        MatchTokenKind.End => "the end",
        MatchTokenKind.QuotedText => $"'{Text}' (quoted) at character {Position + 1}",
        _ => $"'{Text}' at character {Position + 1}",
    };
}
