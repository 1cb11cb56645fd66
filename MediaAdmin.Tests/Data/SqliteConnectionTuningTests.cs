using MediaAdmin.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace MediaAdmin.Tests.Data;

public sealed class SqliteConnectionTuningTests : CoreHostTest
{
    [Fact]
    public async Task Every_sqlite_connection_waits_for_a_locked_file_inside_sqlite_and_commits_the_log_without_an_fsync_each()
    {
        await using var db = await App.OpenDbAsync();
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var otherInstance = new SqliteConnection(connection.ConnectionString);
        await otherInstance.OpenAsync();
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_exec(otherInstance.Handle, "BEGIN IMMEDIATE;"));

        // Straight to SQLite, past Microsoft.Data.Sqlite's own retry loop: without a busy handler this fails at once.
        var write = Task.Run(() => raw.sqlite3_exec(connection.Handle, "CREATE TABLE waited_for_the_lock (x INTEGER);"));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(write.IsCompleted);
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_exec(otherInstance.Handle, "COMMIT;"));
        Assert.Equal(raw.SQLITE_OK, await write);

        var synchronous = await db.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync();
        var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal(1, synchronous.Single()); // NORMAL
        Assert.Equal("wal", journal.Single());
    }
}
