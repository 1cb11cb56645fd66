using System.Data.Common;
using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.AccessKeys;

/// <summary>
/// Accepts each SignatureNonce once, across restarts and instances: the database's primary key decides
/// which of two concurrent copies wins. Nonces older than the timestamp window are purged.
/// </summary>
public sealed class NonceStore(IDbContextFactory<MediaDbContext> dbFactory, SqliteWriteGate writeGate, TimeProvider clock)
{
    /// <summary>How long a timestamp is valid on either side; nonces are kept twice that.</summary>
    public static TimeSpan Window { get; } = TimeSpan.FromMinutes(15);

    /// <summary>True the first time a nonce is seen, false on every later use.</summary>
    public async Task<bool> TryUseAsync(string nonce, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        using var turn = await writeGate.EnterAsync(db, cancellationToken);
        try
        {
            return await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "UsedNonces" ("Nonce", "SeenAtUtc") SELECT {nonce}, {now} WHERE NOT EXISTS (SELECT 1 FROM "UsedNonces" WHERE "Nonce" = {nonce})""",
                cancellationToken) == 1;
        }
        catch (DbException)
        {
            // Two copies raced past NOT EXISTS (possible on SQL Server); the primary key let one in.
            if (await db.UsedNonces.AnyAsync(n => n.Nonce == nonce, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>Drops nonces whose requests could no longer pass the timestamp check anyway.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cutoff = clock.GetUtcNow().UtcDateTime - (2 * Window);
        return await db.UsedNonces.Where(n => n.SeenAtUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
