using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace MediaAdmin.Core.Data;

/// <summary>
/// Sets every SQLite connection up for several writers (threads, or instances sharing the file) when it first opens:
/// a writer that finds the file locked waits inside SQLite, looking again every millisecond
/// (<see cref="SqliteBusyPolling"/>), instead of failing to Microsoft.Data.Sqlite's retry loop, which blocks its
/// thread for 150 ms a try; and commits reach the disk
/// as <c>Database:SqliteSynchronous</c> says. Its default, NORMAL, writes the write-ahead log without an fsync each,
/// which SQLite documents as safe from corruption in WAL mode and durable across a crash of the process, though the
/// last commits before a power loss may roll back.
/// </summary>
internal sealed class SqliteConnectionTuning(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    /// <summary>How long a writer waits for the lock before the statement fails with SQLITE_BUSY (the command timeout's 30 s).</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    /// <summary>
    /// The log size (in 4 KB pages) at which a committing connection checkpoints it itself. Far above what the
    /// log reaches between two runs of <see cref="SqliteCheckpointWorker"/>, so requests leave checkpoints to it;
    /// a process without the worker (a command-line verb) still checkpoints, as SQLite does at 1,000 pages.
    /// </summary>
    public const int CommitCheckpointPages = 8_192;

    private readonly string _pragmas = $"PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()}; PRAGMA wal_autocheckpoint = {CommitCheckpointPages};";

    // SQLite keeps these settings for the life of the native connection, which Microsoft.Data.Sqlite's pool hands out
    // again and again: tuning on every open ran two more statements for each of the four or so opens of an API call.
    private readonly ConditionalWeakTable<sqlite3, object> _tuned = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite && !_tuned.TryGetValue(handle, out _))
        {
            SqliteBusyPolling.Install(sqlite, BusyTimeoutMilliseconds);
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
            _tuned.AddOrUpdate(handle, handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite && !_tuned.TryGetValue(handle, out _))
        {
            SqliteBusyPolling.Install(sqlite, BusyTimeoutMilliseconds);
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _tuned.AddOrUpdate(handle, handle);
        }
    }
}
