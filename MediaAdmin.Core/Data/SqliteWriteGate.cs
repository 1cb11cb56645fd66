using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Data;

/// <summary>
/// Lets one writer of this process at a time at SQLite's single write lock; the others await their turn
/// without a thread. Without it every waiting request holds a thread-pool thread inside sqlite3_step, where
/// the busy handler (<see cref="SqliteBusyPolling"/>) blocks it, so a burst of writers starves the pool and makes
/// the slowest calls several times slower than the rest. Only the writer holding the gate may still wait
/// in SQLite, for a writer of another instance. On SQL Server, which locks rows, the gate lets everyone through.
/// </summary>
public sealed class SqliteWriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits for this process's turn to write through <paramref name="db"/>; dispose the result once committed.</summary>
    public async Task<IDisposable> EnterAsync(MediaDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return Passage.None;
        }

        // Opened before the turn, so the turn holds SQLite's one write lock only for the writing.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        return new Passage(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Passage(SemaphoreSlim? gate) : IDisposable
    {
        public static readonly Passage None = new(null);

        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
