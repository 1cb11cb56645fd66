using MediaAdmin.Core.Data;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Tests.Data;

public sealed class SqliteConnectionTuningTests : CoreHostTest
{
    [Fact]
    public async Task Every_sqlite_connection_waits_for_a_locked_file_inside_sqlite_and_commits_the_log_without_an_fsync_each()
    {
        await using var db = await App.OpenDbAsync();

        var busyTimeout = await db.Database.SqlQueryRaw<long>("PRAGMA busy_timeout").ToListAsync();
        var synchronous = await db.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync();
        var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();

        Assert.Equal(SqliteConnectionTuning.BusyTimeoutMilliseconds, busyTimeout.Single());
        Assert.Equal(1, synchronous.Single()); // NORMAL
        Assert.Equal("wal", journal.Single());
    }
}
