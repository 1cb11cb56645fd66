namespace MediaAdmin.Web.Api.Matching;

internal enum MatchTokenKind
{
    Word,
    QuotedText,
    Number,
    EqualsSign,
    OpenParenthesis,
    CloseParenthesis,
    Comma,
    End,
}
