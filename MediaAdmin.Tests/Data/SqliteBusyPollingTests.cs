using MediaAdmin.Core.Data;
using MediaAdmin.Tests.Support;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MediaAdmin.Tests.Data;

/// <summary>How a connection waits for SQLite's write lock while another connection (another instance) holds it.</summary>
public sealed class SqliteBusyPollingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_write_that_finds_the_file_locked_waits_and_lands_once_the_other_writer_commits()
    {
        await using var holder = await OpenAsync();
        await using var waiter = await OpenAsync();
        SqliteBusyPolling.Install(waiter, SqliteConnectionTuning.BusyTimeoutMilliseconds);

        await SqliteWriteLock.AssertWaitsAndLandsAfterCommitAsync(
            holder, "BEGIN IMMEDIATE; INSERT INTO notes VALUES ('first');", waiter, "INSERT INTO notes VALUES ('second');");

        Assert.Equal(["first", "second"], await NotesAsync(holder));
    }

    [Fact]
    public async Task A_write_gives_up_with_SQLITE_BUSY_once_its_wait_limit_has_passed_and_writes_nothing()
    {
        await using var holder = await OpenAsync();
        await using var waiter = await OpenAsync();
        SqliteBusyPolling.Install(waiter, waitLimitMilliseconds: 200);
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_exec(holder.Handle, "BEGIN IMMEDIATE;"));

        var result = await Task.Run(() => raw.sqlite3_exec(waiter.Handle, "INSERT INTO notes VALUES ('late');"));

        Assert.Equal(raw.SQLITE_BUSY, result);
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_exec(holder.Handle, "COMMIT;"));
        Assert.Empty(await NotesAsync(waiter));
    }

    public void Dispose() => _folder.Dispose();

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_folder.Path, "busy.db")};Pooling=False");
        await connection.OpenAsync();
        await using var setup = connection.CreateCommand();
        setup.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS notes (text TEXT NOT NULL);";
        await setup.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task<List<string>> NotesAsync(SqliteConnection connection)
    {
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT text FROM notes ORDER BY rowid";
        var notes = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            notes.Add(reader.GetString(0));
        }

        return notes;
    }
}
