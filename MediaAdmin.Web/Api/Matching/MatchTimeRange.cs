using MediaAdmin.Core.Results;

namespace MediaAdmin.Web.Api.Matching;

/// <summary>
/// A time range of the search protocol, <c>('2026-01-01T00:00:00Z','')</c>: both ends included to the second the
/// API writes times in, either end empty for none.
/// </summary>
internal readonly record struct MatchTimeRange(DateTime? FromUtc, DateTime? ToUtc)
{
    public static Result<MatchTimeRange> Read(MatchClause clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var example = $"{clause.Field} = ('2026-01-01T00:00:00Z','') with either end empty";
        if (!clause.IsRange)
        {
            return Problem.Invalid($"{clause.Field} takes a range: {example}");
        }

        var (rawFrom, rawTo) = (clause.Values[0], clause.Values[1]);
        if (rawFrom.Length == 0 && rawTo.Length == 0)
        {
            return Problem.Invalid($"the range of {clause.Field} has neither a start nor an end: {example}");
        }

        DateTime? from = null;
        DateTime? to = null;
        if (rawFrom.Length > 0)
        {
            if (!RpcTime.TryParse(rawFrom, out var start))
            {
                return Problem.Invalid($"'{rawFrom}' is not a time as yyyy-MM-ddTHH:mm:ssZ (UTC)");
            }

            from = start;
        }

        if (rawTo.Length > 0)
        {
            if (!RpcTime.TryParse(rawTo, out var end))
            {
                return Problem.Invalid($"'{rawTo}' is not a time as yyyy-MM-ddTHH:mm:ssZ (UTC)");
            }

            // Times are written to the second, so an asset shown at the end's second is inside the range.
            to = end.AddSeconds(1).AddTicks(-1);
        }

        return from > to
            ? Problem.Invalid($"the range of {clause.Field} ends before it starts")
            : new MatchTimeRange(from, to);
    }
}
