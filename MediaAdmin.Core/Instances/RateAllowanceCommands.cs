using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Instances;

/// <summary>
/// The one statement EF cannot write for rate allowances: take a call from a partition's bucket in one atomic
/// round trip. A row comes back when the call fits; none when the bucket is empty (and nothing changes).
/// </summary>
internal static class RateAllowanceCommands
{
    // {0} partition, {1} now, {2} interval, {3} tolerance (microseconds).
    private const string Sqlite = """
        INSERT INTO "RateAllowances" ("Partition", "NextFreeMicroseconds") VALUES ({0}, {1} + {2})
        ON CONFLICT ("Partition") DO UPDATE SET "NextFreeMicroseconds" = MAX("NextFreeMicroseconds", {1}) + {2}
        WHERE MAX("NextFreeMicroseconds", {1}) - {1} <= {3}
        RETURNING "NextFreeMicroseconds" AS "Value"
        """;

    // HOLDLOCK: without it two MERGEs can both miss the row and both insert.
    private const string SqlServer = """
        MERGE [RateAllowances] WITH (HOLDLOCK) AS t
        USING (SELECT {0} AS [Partition]) AS s ON t.[Partition] = s.[Partition]
        WHEN MATCHED AND (CASE WHEN t.[NextFreeMicroseconds] > {1} THEN t.[NextFreeMicroseconds] ELSE {1} END) - {1} <= {3}
            THEN UPDATE SET [NextFreeMicroseconds] = (CASE WHEN t.[NextFreeMicroseconds] > {1} THEN t.[NextFreeMicroseconds] ELSE {1} END) + {2}
        WHEN NOT MATCHED THEN INSERT ([Partition], [NextFreeMicroseconds]) VALUES (s.[Partition], {1} + {2})
        OUTPUT inserted.[NextFreeMicroseconds] AS [Value];
        """;

    /// <summary>True when a call of <paramref name="partition"/> at <paramref name="now"/> fits <paramref name="pace"/>; the call is then taken.</summary>
    public static async Task<bool> TryTakeCallAsync(this MediaDbContext db, string partition, long now, RatePace pace, CancellationToken cancellationToken)
    {
        var taken = await db.Database
            .SqlQueryRaw<long>(db.Database.IsSqlServer() ? SqlServer : Sqlite, partition, now, pace.IntervalMicroseconds, pace.ToleranceMicroseconds)
            .ToListAsync(cancellationToken);
        return taken.Count == 1;
    }
}
