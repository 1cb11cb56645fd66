using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace MediaAdmin.Core.Data;

/// <summary>
/// What a connection does when another connection, usually another instance's, holds SQLite's write lock: look
/// again every millisecond until the lock is free or the wait limit has passed. SQLite's own busy handler
/// (<c>PRAGMA busy_timeout</c>) sleeps 1, 2, 5, 10, 15, 20, 25 and then up to 100 ms between looks, so a writer
/// of one instance kept sleeping long after the other instance's sub-millisecond commit had ended, and every
/// writer queued behind it at this process's <see cref="SqliteWriteGate"/> waited too: under the two-instance
/// load benchmark, 1 write in 40 waited over 5 ms and some over 100 ms.
/// </summary>
internal static partial class SqliteBusyPolling
{
    private const string NativeLibrary = "e_sqlite3";

    [ThreadStatic]
    private static long t_waitingSince;

    /// <summary>Installs the polling handler on <paramref name="connection"/>, replacing SQLite's own busy timeout.</summary>
    public static unsafe void Install(SqliteConnection connection, int waitLimitMilliseconds)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var result = sqlite3_busy_handler(handle.DangerousGetHandle(), &OnBusy, waitLimitMilliseconds);
        if (result != 0)
        {
            throw new InvalidOperationException($"SQLite refused the busy handler (result code {result}).");
        }
    }

    /// <summary>Called by SQLite on the waiting thread each time it found the lock taken; returning 0 makes the statement fail with SQLITE_BUSY.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnBusy(nint waitLimitMilliseconds, int timesCalledBefore)
    {
        var now = Environment.TickCount64;
        if (timesCalledBefore == 0)
        {
            t_waitingSince = now;
        }
        else if (now - t_waitingSince >= waitLimitMilliseconds)
        {
            return 0;
        }

        Thread.Sleep(1);
        return 1;
    }

    [LibraryImport(NativeLibrary)]
    private static unsafe partial int sqlite3_busy_handler(nint database, delegate* unmanaged[Cdecl]<nint, int, int> handler, nint state);
}
