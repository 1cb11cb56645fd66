using MediaAdmin.Core.Data;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Tests.Data;

/// <summary>With <c>Database:SqliteSynchronous=Full</c>, for deployments that need every answered commit to survive a power loss.</summary>
public sealed class SqliteFullSynchronousTests : CoreHostTest
{
    protected override IDictionary<string, string?> HostSettings => new Dictionary<string, string?> { ["Database:SqliteSynchronous"] = "full" };

    [Fact]
    public async Task Every_sqlite_connection_syncs_each_commit_when_the_setting_asks_for_full()
    {
        await using var db = await App.OpenDbAsync();

        var synchronous = await db.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync();

        Assert.Equal(2, synchronous.Single()); // FULL
    }
}
