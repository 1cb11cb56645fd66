using MediaAdmin.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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

        // Without a busy handler on the app's connection, SQLite would refuse the write at once.
        await SqliteWriteLock.AssertWaitsAndLandsAfterCommitAsync(otherInstance, "BEGIN IMMEDIATE;", connection, "CREATE TABLE waited_for_the_lock (x INTEGER);");

        var synchronous = await db.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync();
        var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal(1, synchronous.Single()); // NORMAL
        Assert.Equal("wal", journal.Single());
    }
}
