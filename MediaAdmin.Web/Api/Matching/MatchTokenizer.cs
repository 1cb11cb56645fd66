using MediaAdmin.Core.Results;

namespace MediaAdmin.Web.Api.Matching;

/// <summary>
/// Splits a Match expression into tokens in one pass, each character looked at once, so no input
/// can make it slow: words, 'quoted text' (no escapes, as before), ASCII numbers, '=', '(', ')' and ','.
/// </summary>
internal static class MatchTokenizer
{
    public static Result<IReadOnlyList<MatchToken>> Tokenize(string match)
    {
        ArgumentNullException.ThrowIfNull(match);
        var tokens = new List<MatchToken>();
        var next = 0;
        while (next < match.Length)
        {
            var start = next;
            var c = match[next];
            if (char.IsWhiteSpace(c))
            {
                next++;
                continue;
            }

            if (Punctuation(c) is { } kind)
            {
                tokens.Add(new MatchToken(kind, c.ToString(), start));
                next++;
            }
            else if (c == '\'')
            {
                var close = match.IndexOf('\'', start + 1);
                if (close < 0)
                {
                    return Problem.Invalid($"the quote at character {start + 1} is never closed");
                }

                tokens.Add(new MatchToken(MatchTokenKind.QuotedText, match[(start + 1)..close], start));
                next = close + 1;
            }
            else if (char.IsAsciiDigit(c) || IsWordCharacter(c))
            {
                var isNumber = char.IsAsciiDigit(c);
                while (next < match.Length && (isNumber ? char.IsAsciiDigit(match[next]) : IsWordCharacter(match[next])))
                {
                    next++;
                }

                tokens.Add(new MatchToken(isNumber ? MatchTokenKind.Number : MatchTokenKind.Word, match[start..next], start));
            }
            else
            {
                return Problem.Invalid($"'{c}' at character {start + 1} is not part of the supported syntax");
            }
        }

        tokens.Add(new MatchToken(MatchTokenKind.End, string.Empty, match.Length));
        return tokens;
    }

    private static MatchTokenKind? Punctuation(char c) => c switch
    {
        '=' => MatchTokenKind.EqualsSign,
        '(' => MatchTokenKind.OpenParenthesis,
        ')' => MatchTokenKind.CloseParenthesis,
        ',' => MatchTokenKind.Comma,
        _ => null,
    };

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';
}
