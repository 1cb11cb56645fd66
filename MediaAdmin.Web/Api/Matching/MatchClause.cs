namespace MediaAdmin.Web.Api.Matching;

/// <summary>
/// One clause of a Match: <c>Field = value</c> (one value), <c>Field in ('a','b')</c> (a list) or
/// <c>Field = ('from','to')</c> (a range, <see cref="IsRange"/>: two values, either of them empty).
/// </summary>
internal sealed record MatchClause(string Field, IReadOnlyList<string> Values, bool IsList, bool IsRange = false);
