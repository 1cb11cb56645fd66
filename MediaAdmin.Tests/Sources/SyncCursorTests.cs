using MediaAdmin.Core.Sources.AlibabaVod.Sync;

namespace MediaAdmin.Tests.Sources;

public sealed class SyncCursorTests
{
    [Fact]
    public void A_stored_cursor_keeps_its_page_number_and_a_token_that_contains_colons()
    {
        var cursor = new SyncCursor(SyncCursor.Audio, "abc:def", 7);

        Assert.Equal(cursor, SyncCursor.Parse(cursor.Stored()));
    }

    [Fact]
    public void A_cursor_stored_before_page_numbers_still_reads_with_its_token_as_a_later_page()
    {
        Assert.Equal(new SyncCursor(SyncCursor.Video, "0.300.945", 2), SyncCursor.Parse("video:0.300.945"));
        Assert.Equal(new SyncCursor(SyncCursor.Audio, null), SyncCursor.Parse("audio:"));
        Assert.Null(SyncCursor.Parse(SyncCursor.Finished));
    }
}
