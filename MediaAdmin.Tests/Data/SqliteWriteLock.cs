using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MediaAdmin.Tests.Data;

/// <summary>SQLite's write lock held by another connection, as another instance's transaction holds it.</summary>
internal static class SqliteWriteLock
{
    /// <summary>
    /// Runs <paramref name="write"/> on <paramref name="waiter"/> straight through SQLite, past Microsoft.Data.Sqlite's own
    /// retry loop, while <paramref name="holder"/> holds the lock it took with <paramref name="holderBegin"/>: asserts the
    /// write, once under way, is still waiting 300 ms later, and that it lands once the holder commits.
    /// </summary>
    public static async Task AssertWaitsAndLandsAfterCommitAsync(SqliteConnection holder, string holderBegin, SqliteConnection waiter, string write)
    {
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_exec(holder.Handle, holderBegin));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = Task.Factory.StartNew(
            () =>
            {
                started.SetResult();
                return raw.sqlite3_exec(waiter.Handle, write);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            // Timed from the write's start, not from its scheduling, which a busy machine may delay past the wait.
            await started.Task;
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            Assert.False(waiting.IsCompleted);
        }
        finally
        {
            // Committed whatever the assertion found, so the write ends before the connections close under it.
            Assert.Equal(raw.SQLITE_OK, raw.sqlite3_exec(holder.Handle, "COMMIT;"));
        }

        Assert.Equal(raw.SQLITE_OK, await waiting);
    }
}
