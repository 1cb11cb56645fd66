namespace MediaAdmin.Web.Api.Matching;

internal enum MatchTokenKind
{
    Word = 0,
    QuotedText = 1,
    Number = 2,
    EqualsSign = 3,
    OpenParenthesis = 4,
    CloseParenthesis = 5,
    Comma = 6,
    End = 7,
}
