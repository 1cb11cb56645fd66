using System.Globalization;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Data;

/// <summary>
/// The statements EF cannot write as one round trip, and the only place outside migrations and entity
/// configurations that names tables and columns. Every value is a parameter; only <c>{n}</c> placeholders are spliced in.
/// </summary>
#pragma warning disable EF1002 // Every statement below splices only {n} placeholders; all values are parameters.
internal static class MediaDbCommands
{
    /// <summary>Turns on write-ahead logging so readers are not blocked while a deletion writes (SQLite only).</summary>
    public static async Task UseWriteAheadLogAsync(this MediaDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// On SQLite, lets the asset rows a deletion removes leave their file rows behind instead of cascading them:
    /// removing thousands of rows per asset would make the reply grow with the files. The file rows go with the
    /// files, in the background (see <see cref="PendingFileRemover"/>); no reader reaches them meanwhile,
    /// since files are read through their asset. Must run outside a transaction (SQLite ignores it inside one);
    /// SQL Server keeps its cascade.
    /// </summary>
    public static async Task<bool> LeaveFileRowsOfDeletedAssetsAsync(this MediaDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return false;
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;", cancellationToken);
        return true;
    }

    /// <summary>Turns foreign key enforcement back on for the connection (SQLite), after <see cref="LeaveFileRowsOfDeletedAssetsAsync"/>.</summary>
    public static Task EnforceForeignKeysAsync(this MediaDbContext db) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON;", CancellationToken.None);

    /// <summary>
    /// Deletes the given assets in one statement and returns the IDs this
    /// statement removed, so a caller racing another request learns which deletions were its own.
    /// </summary>
    public static Task<List<string>> DeleteAssetsReturningIdsAsync(this MediaDbContext db, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var parameterList = Placeholders(0, ids.Count);
        var sql = db.Database.IsSqlServer()
            ? $"DELETE FROM [MediaAssets] OUTPUT DELETED.[Id] AS [Value] WHERE [Id] IN ({parameterList})"
            : $"DELETE FROM \"MediaAssets\" WHERE \"Id\" IN ({parameterList}) RETURNING \"Id\" AS \"Value\"";
        return db.Database.SqlQueryRaw<string>(sql, [.. ids]).ToListAsync(cancellationToken);
    }

    /// <summary>Up to 20 rows in one statement: SQLite has no insert batching in EF, and this is on every delete's path.</summary>
    public static async Task InsertAuditEntriesAsync(this MediaDbContext db, long auditRecordId, IEnumerable<DeletionAuditEntry> entries, CancellationToken cancellationToken)
    {
        var values = new List<object>();
        var rows = new List<string>();
        string Placeholder(object? value)
        {
            if (value is null)
            {
                return "NULL";
            }

            values.Add(value);
            return Placeholders(values.Count - 1, 1);
        }

        foreach (var entry in entries)
        {
            rows.Add($"({Placeholder(auditRecordId)}, {Placeholder(entry.VideoId)}, {Placeholder((int)entry.Outcome)}, {Placeholder(entry.Title)}, {Placeholder(entry.Reason)})");
        }

        if (rows.Count == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync(
            $"""INSERT INTO "DeletionAuditEntries" ("AuditRecordId", "VideoId", "Outcome", "Title", "Reason") VALUES {string.Join(", ", rows)}""",
            values,
            cancellationToken);
    }

    /// <summary>"{first}, {first + 1}, …": EF's placeholders for <paramref name="count"/> parameters.</summary>
    private static string Placeholders(int first, int count) =>
        string.Join(", ", Enumerable.Range(first, count).Select(i => "{" + i.ToString(CultureInfo.InvariantCulture) + "}"));
}
#pragma warning restore EF1002
