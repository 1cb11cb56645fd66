using MediaAdmin.Core.Results;

namespace MediaAdmin.Web.Api.Matching;

/// <summary>
/// A recursive-descent parser for the documented subset of SearchMedia's Match, over tokens read once,
/// so its time grows with the input's length and nothing else:
/// <code>
/// match  := clause ( "and" clause )*
/// clause := word "=" ( quoted | number | "(" quoted "," quoted ")" ) | word "in" "(" quoted ( ","? quoted )* ","? ")"
/// </code>
/// Keywords are case-insensitive. Which fields and values mean something is <see cref="SearchMatch"/>'s business.
/// </summary>
internal sealed class MatchParser
{
    private readonly IReadOnlyList<MatchToken> _tokens;
    private int _next;

    private MatchParser(IReadOnlyList<MatchToken> tokens) => _tokens = tokens;

    private MatchToken Current => _tokens[_next];

    public static Result<IReadOnlyList<MatchClause>> Parse(string match)
    {
        var tokens = MatchTokenizer.Tokenize(match);
        return tokens.IsSuccess ? new MatchParser(tokens.Value).ParseMatch() : tokens.Problem;
    }

    private Result<IReadOnlyList<MatchClause>> ParseMatch()
    {
        var clauses = new List<MatchClause>();
        do
        {
            var clause = ParseClause();
            if (!clause.IsSuccess)
            {
                return clause.Problem;
            }

            clauses.Add(clause.Value);
        }
        while (TakeKeyword("and"));

        return Current.Kind == MatchTokenKind.End ? clauses : Expected("'and' or the end");
    }

    private Result<MatchClause> ParseClause()
    {
        if (Current.Kind != MatchTokenKind.Word)
        {
            return Expected("a field name such as Title or VideoId");
        }

        var field = Take().Text;
        if (Take(MatchTokenKind.EqualsSign))
        {
            if (Take(MatchTokenKind.OpenParenthesis))
            {
                return ParseRange(field);
            }

            return Current.Kind is MatchTokenKind.QuotedText or MatchTokenKind.Number
                ? new MatchClause(field, [Take().Text], IsList: false)
                : Expected("a quoted value, a number or a range ('from','to')");
        }

        if (!TakeKeyword("in"))
        {
            return Expected("'=' or 'in'");
        }

        if (!Take(MatchTokenKind.OpenParenthesis))
        {
            return Expected("'('");
        }

        var values = new List<string>();
        while (Current.Kind == MatchTokenKind.QuotedText)
        {
            values.Add(Take().Text);
            Take(MatchTokenKind.Comma);
        }

        if (values.Count == 0)
        {
            return Expected("a quoted value");
        }

        return Take(MatchTokenKind.CloseParenthesis) ? new MatchClause(field, values, IsList: true) : Expected("',', a quoted value or ')'");
    }

    /// <summary>The rest of <c>Field = ('from','to')</c> after its opening parenthesis; an empty end is open.</summary>
    private Result<MatchClause> ParseRange(string field)
    {
        if (Current.Kind != MatchTokenKind.QuotedText)
        {
            return Expected("the quoted start of the range ('' for none)");
        }

        var from = Take().Text;
        if (!Take(MatchTokenKind.Comma))
        {
            return Expected("',' between the two ends of the range");
        }

        if (Current.Kind != MatchTokenKind.QuotedText)
        {
            return Expected("the quoted end of the range ('' for none)");
        }

        var to = Take().Text;
        return Take(MatchTokenKind.CloseParenthesis)
            ? new MatchClause(field, [from, to], IsList: false, IsRange: true)
            : Expected("')' after the end of the range");
    }

    private MatchToken Take() => _tokens[_next++];

    private bool Take(MatchTokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _next++;
        return true;
    }

    private bool TakeKeyword(string keyword)
    {
        if (!Current.IsKeyword(keyword))
        {
            return false;
        }

        _next++;
        return true;
    }

    private Problem Expected(string what) => Problem.Invalid($"expected {what} but found {Current.Describe()}");
}
