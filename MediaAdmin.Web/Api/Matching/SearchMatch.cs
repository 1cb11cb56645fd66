using System.Globalization;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Results;
using MediaAdmin.Web.Api.Actions;

namespace MediaAdmin.Web.Api.Matching;

/// <summary>
/// What the supported subset of SearchMedia's Match means for a library query: clauses joined by "and",
/// each one of <c>Title = 'words'</c>, <c>VideoId = 'id'</c> or <c>VideoId in ('a','b')</c> (MediaId
/// alike, at most <see cref="VideoIdList.MaxIds"/>), <c>Status = 'Normal'</c> or <c>Status in ('Normal','Blocked')</c>,
/// <c>CateId = 123</c>, <c>CreationTime = ('from','to')</c> and <c>ModificationTime = ('from','to')</c> (see
/// <see cref="MatchTimeRange"/>). A later clause on the same field replaces an earlier one.
/// </summary>
internal static class SearchMatch
{
    /// <summary>The query narrowed by <paramref name="match"/>, or Invalid with what is wrong in it.</summary>
    public static Result<LibraryQuery> Apply(LibraryQuery query, string match)
    {
        ArgumentNullException.ThrowIfNull(query);
        var clauses = MatchParser.Parse(match);
        if (!clauses.IsSuccess)
        {
            return clauses.Problem;
        }

        foreach (var clause in clauses.Value)
        {
            var applied = Apply(query, clause);
            if (!applied.IsSuccess)
            {
                return applied.Problem;
            }

            query = applied.Value;
        }

        return query;
    }

    private static Result<LibraryQuery> Apply(LibraryQuery query, MatchClause clause) => clause.Field.ToUpperInvariant() switch
    {
        "CREATIONTIME" => WithRange(clause, range => query with { CreatedFromUtc = range.FromUtc, CreatedToUtc = range.ToUtc }),
        "MODIFICATIONTIME" => WithRange(clause, range => query with { ModifiedFromUtc = range.FromUtc, ModifiedToUtc = range.ToUtc }),
        _ when clause.IsRange => Problem.Invalid($"{clause.Field} takes no range; ranges are for CreationTime and ModificationTime"),
        "TITLE" when !clause.IsList => query with { Search = clause.Values[0] },
        "TITLE" => Problem.Invalid("Title takes one value: Title = 'words'"),
        "VIDEOID" or "MEDIAID" when clause.Values.Count > VideoIdList.MaxIds =>
            Problem.Invalid($"{clause.Field} in (...) takes at most {VideoIdList.MaxIds} IDs"),
        "VIDEOID" or "MEDIAID" => query with { VideoIds = clause.Values },
        "STATUS" when VodListing.TryStatuses(clause.Values, out var statuses) => query with { Statuses = statuses },
        "STATUS" => Problem.Invalid($"Status takes status names: {string.Join(", ", Enum.GetNames<MediaStatus>())}"),
        "CATEID" when !clause.IsList && long.TryParse(clause.Values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var cateId) =>
            query with { CategoryId = cateId },
        "CATEID" => Problem.Invalid("CateId takes one number: CateId = 123"),
        _ => Problem.Invalid($"'{clause.Field}' is not a field Match supports (Title, VideoId, MediaId, Status, CateId, CreationTime, ModificationTime)"),
    };

    private static Result<LibraryQuery> WithRange(MatchClause clause, Func<MatchTimeRange, LibraryQuery> narrow)
    {
        var range = MatchTimeRange.Read(clause);
        return range.IsSuccess ? narrow(range.Value) : range.Problem;
    }
}
