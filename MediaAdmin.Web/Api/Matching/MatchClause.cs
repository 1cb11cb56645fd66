namespace MediaAdmin.Web.Api.Matching;

/// <summary>One clause of a Match: <c>Field = value</c> (one value) or <c>Field in ('a','b')</c> (a list).</summary>
internal sealed record MatchClause(string Field, IReadOnlyList<string> Values, bool IsList);
