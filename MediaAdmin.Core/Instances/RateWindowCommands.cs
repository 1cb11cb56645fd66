using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Instances;

/// <summary>The one statement EF cannot write for rate windows: count a call and read the new count in one atomic round trip.</summary>
internal static class RateWindowCommands
{
    private const string Sqlite = """
        INSERT INTO "RateWindowCounts" ("Partition", "Second", "Calls") VALUES ({0}, {1}, 1)
        ON CONFLICT ("Partition", "Second") DO UPDATE SET "Calls" = "Calls" + 1
        RETURNING "Calls" AS "Value"
        """;

    // HOLDLOCK: without it two MERGEs can both miss the row and both insert.
    private const string SqlServer = """
        MERGE [RateWindowCounts] WITH (HOLDLOCK) AS t
        USING (SELECT {0} AS [Partition], {1} AS [Second]) AS s ON t.[Partition] = s.[Partition] AND t.[Second] = s.[Second]
        WHEN MATCHED THEN UPDATE SET [Calls] = t.[Calls] + 1
        WHEN NOT MATCHED THEN INSERT ([Partition], [Second], [Calls]) VALUES (s.[Partition], s.[Second], 1)
        OUTPUT inserted.[Calls] AS [Value];
        """;

    /// <summary>Adds one call to the (<paramref name="partition"/>, <paramref name="second"/>) row and returns its count.</summary>
    public static async Task<int> CountCallAsync(this MediaDbContext db, string partition, long second, CancellationToken cancellationToken)
    {
        var counts = await db.Database
            .SqlQueryRaw<int>(db.Database.IsSqlServer() ? SqlServer : Sqlite, partition, second)
            .ToListAsync(cancellationToken);
        return counts.Single();
    }
}
