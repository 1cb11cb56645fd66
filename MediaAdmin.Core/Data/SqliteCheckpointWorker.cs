using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Core.Data;

/// <summary>
/// Copies SQLite's write-ahead log into the database file several times a second, on a connection of its own.
/// SQLite otherwise checkpoints inside the commit that crosses the log's size limit: that request waited for the
/// copy and its disk syncs while holding the write lock, and every writer of every instance waited behind it.
/// A passive checkpoint takes no lock the writers need, so they carry on while it copies.
/// </summary>
internal sealed class SqliteCheckpointWorker(IDbContextFactory<MediaDbContext> dbFactory, TimeProvider clock, ILogger<SqliteCheckpointWorker> logger) : BackgroundService
{
    /// <summary>Short enough that the log stays far below <see cref="SqliteConnectionTuning.CommitCheckpointPages"/> at thousands of writes a second.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var db = await dbFactory.CreateDbContextAsync(stoppingToken))
        {
            if (!db.Database.IsSqlite())
            {
                return;
            }

            connectionString = db.Database.GetConnectionString()!;
        }

        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(stoppingToken);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            using var timer = new PeriodicTimer(Interval, clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await checkpoint.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (SqliteException ex)
                {
                    logger.LogWarning(ex, "Checkpointing the SQLite log failed; trying again in {Interval}", Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
