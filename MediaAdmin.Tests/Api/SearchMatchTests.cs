using MediaAdmin.Core.Library;
using MediaAdmin.Core.Results;
using MediaAdmin.Web.Api.Matching;

namespace MediaAdmin.Tests.Api;

/// <summary>SearchMedia's Match, parsed into a library query: every form the README documents, and clear refusals.</summary>
public sealed class SearchMatchTests
{
    private static readonly LibraryQuery Start = new();

    [Fact]
    public void Documented_clauses_joined_by_and_narrow_the_query()
    {
        var query = SearchMatch.Apply(Start, "Title = 'harbour' and Status in ('Normal','Blocked') and CateId = 12").Value;

        Assert.Equal("harbour", query.Search);
        Assert.Equal([MediaStatus.Normal, MediaStatus.Blocked], query.Statuses!);
        Assert.Equal(12, query.CategoryId);
    }

    [Theory]
    [InlineData("VideoId in ('a','b')")]
    [InlineData("VideoId in ('a' 'b')")]
    [InlineData("videoid IN ( 'a' , 'b' , )")]
    [InlineData("MediaId in ('a','b')")]
    [InlineData("  VideoId in ('x') and\tVideoId in ('a','b')  ")]
    public void Id_lists_keep_their_old_lenient_forms_and_a_later_clause_wins(string match)
    {
        Assert.Equal(["a", "b"], SearchMatch.Apply(Start, match).Value.VideoIds!);
    }

    [Theory]
    [InlineData("title='salt and pepper' AND status = 'normal'", "salt and pepper")]
    [InlineData("Title = 2024", "2024")]
    [InlineData("Title = ''", "")]
    public void Titles_are_quoted_text_or_a_number_and_and_inside_quotes_is_text(string match, string search)
    {
        Assert.Equal(search, SearchMatch.Apply(Start, match).Value.Search);
    }

    [Theory]
    [InlineData("CateId = 7")]
    [InlineData("CateId = '7'")]
    public void A_category_is_a_number_quoted_or_not(string match)
    {
        Assert.Equal(7, SearchMatch.Apply(Start, match).Value.CategoryId);
    }

    [Theory]
    [InlineData("Title like '%x%' or 1=1", "expected '=' or 'in' but found 'like' at character 7")]
    [InlineData("Title = 'x' or Status = 'Normal'", "expected 'and' or the end but found 'or' at character 13")]
    [InlineData("Title = 'x' and", "expected a field name such as Title or VideoId but found the end")]
    [InlineData("   ", "expected a field name such as Title or VideoId but found the end")]
    [InlineData("Title = 'harbour", "the quote at character 9 is never closed")]
    [InlineData("VideoId in ()", "expected a quoted value but found ')' at character 13")]
    [InlineData("VideoId in (('a'))", "expected a quoted value but found '(' at character 13")]
    [InlineData("VideoId in ('a' x", "expected ',', a quoted value or ')' but found 'x' at character 17")]
    [InlineData("Title = 'a''b'", "expected 'and' or the end but found 'b' (quoted) at character 12")]
    [InlineData("Title = \"x\"", "'\"' at character 9 is not part of the supported syntax")]
    [InlineData("Title in ('a')", "Title takes one value: Title = 'words'")]
    [InlineData("CateId = 'abc'", "CateId takes one number: CateId = 123")]
    [InlineData("CateId in ('1')", "CateId takes one number: CateId = 123")]
    [InlineData("Status = 'Gone'", "Status takes status names: Uploading, UploadFail, UploadSucc, Transcoding, TranscodeFail, Normal, Blocked")]
    [InlineData("Status = '5'", "Status takes status names: Uploading, UploadFail, UploadSucc, Transcoding, TranscodeFail, Normal, Blocked")]
    [InlineData("Owner = 'me'", "'Owner' is not a field Match supports (Title, VideoId, MediaId, Status, CateId, CreationTime, ModificationTime)")]
    [InlineData("CreationTime = '2026-01-01T00:00:00Z'", "CreationTime takes a range: CreationTime = ('2026-01-01T00:00:00Z','') with either end empty")]
    [InlineData("CreationTime = ('','')", "the range of CreationTime has neither a start nor an end")]
    [InlineData("ModificationTime = ('2026-01-01','')", "'2026-01-01' is not a time as yyyy-MM-ddTHH:mm:ssZ (UTC)")]
    [InlineData("ModificationTime = ('2026-01-02T00:00:00Z','2026-01-01T00:00:00Z')", "the range of ModificationTime ends before it starts")]
    [InlineData("CreationTime = ('2026-01-01T00:00:00Z' '')", "expected ',' between the two ends of the range but found '' (quoted) at character 40")]
    [InlineData("CreationTime = ('2026-01-01T00:00:00Z',)", "expected the quoted end of the range ('' for none) but found ')' at character 40")]
    [InlineData("Title = ('a','b')", "Title takes no range; ranges are for CreationTime and ModificationTime")]
    public void Anything_else_is_invalid_with_what_and_where(string match, string message)
    {
        var problem = SearchMatch.Apply(Start, match).Problem;

        Assert.Equal(ResultStatus.Invalid, problem?.Status);
        Assert.StartsWith(message, problem?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_ranges_include_both_ends_to_the_second_and_either_end_may_be_open()
    {
        var since = SearchMatch.Apply(Start, "ModificationTime = ('2026-01-01T00:00:00Z','') and CreationTime = ('','2026-02-03T04:05:06Z')").Value;
        var both = SearchMatch.Apply(Start, "creationtime = ('2026-01-01T00:00:00Z','2026-01-01T00:00:00Z')").Value;

        Assert.Equal((new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), (DateTime?)null), (since.ModifiedFromUtc!.Value, since.ModifiedToUtc));
        Assert.Equal(((DateTime?)null, new DateTime(2026, 2, 3, 4, 5, 6, DateTimeKind.Utc).AddSeconds(1).AddTicks(-1)), (since.CreatedFromUtc, since.CreatedToUtc!.Value));
        Assert.Equal(TimeSpan.FromSeconds(1).Subtract(TimeSpan.FromTicks(1)), both.CreatedToUtc - both.CreatedFromUtc);
    }

    [Fact]
    public void More_than_twenty_ids_are_refused_and_twenty_are_taken()
    {
        var twenty = string.Join(",", Enumerable.Range(0, 20).Select(i => $"'v{i}'"));

        Assert.Equal(20, SearchMatch.Apply(Start, $"VideoId in ({twenty})").Value.VideoIds!.Count);
        Assert.Equal(Problem.Invalid("VideoId in (...) takes at most 20 IDs"), SearchMatch.Apply(Start, $"VideoId in ({twenty},'v20')").Problem);
    }
}
