using System.Data.Common;
using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources;

/// <summary>
/// A sync page and a callback may both add a category new to the mirror; the one whose insert hits the key the other
/// wrote reads again instead of failing (the sync's run, or the callback's answer to Alibaba).
/// </summary>
public sealed class MirrorKeyConflictTests : IAsyncLifetime
{
    private const long NewCategory = 42;

    private readonly TempFolder _folder = new();
    private readonly CollidingCategoryInsert _collision = new(NewCategory);
    private readonly FailingCommandInterceptor _failure = new();
    private CoreHost _app = null!;

    private RemoteMirror Mirror => _app.Services.GetRequiredService<RemoteMirror>();

    public async Task InitializeAsync() =>
        _app = await CoreHost.StartAsync(_folder.Path, services => services.ConfigureDbContext<SqliteMediaDbContext>(options => options.AddInterceptors(_collision, _failure)));

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_page_whose_new_category_collides_with_another_writers_insert_reads_again_and_lands()
    {
        _collision.Armed = true;

        var change = await Mirror.UpsertAsync([Video(1, "Keynote", NewCategory, "Events"), Video(2, "Panel", NewCategory, "Events")], seenInSyncRunId: null, DateTime.UtcNow);

        Assert.Equal(1, _collision.Collisions);
        Assert.Equal((2, 0), (change.Added, change.Updated));
        await using var db = await _app.OpenDbAsync();
        Assert.Equal("Events", (await db.Categories.SingleAsync(c => c.Id == NewCategory)).Name);
        Assert.Equal(
            [(Id(1), "Keynote", NewCategory), (Id(2), "Panel", NewCategory)],
            (await db.MediaAssets.OrderBy(a => a.Id).Select(a => new { a.Id, a.Title, a.CategoryId }).ToListAsync()).Select(a => (a.Id, a.Title, a.CategoryId ?? 0)));
    }

    [Fact]
    public async Task A_page_that_fails_for_any_other_reason_is_not_retried_and_writes_nothing()
    {
        _failure.FailWhenSqlContains = "INSERT INTO \"Categories\"";

        await Assert.ThrowsAnyAsync<Exception>(() => Mirror.UpsertAsync([Video(1, "Keynote", NewCategory, "Events")], seenInSyncRunId: null, DateTime.UtcNow));

        Assert.Equal(1, _failure.Failures);
        await using var db = await _app.OpenDbAsync();
        Assert.False(await db.Categories.AnyAsync(c => c.Id == NewCategory));
        Assert.Empty(await _app.LiveAssetIdsAsync());
    }

    private static string Id(int n) => GeneratedCatalog.IdOf(n);

    private static VodRemoteVideo Video(int n, string title, long cateId, string cateName) => new(
        Id(n), MediaType.Video, title, null, "Normal", 12.5, 1_000_000, cateId, cateName, null,
        new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(n), new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc), []);

    /// <summary>
    /// Once armed, writes the category itself just before the mirror's insert of it, so that insert meets a real
    /// primary-key violation. (Through the same transaction: SQLite lets no other writer in during the mirror's, which
    /// is why the race needs SQL Server to happen for real.)
    /// </summary>
    private sealed class CollidingCategoryInsert(long categoryId) : DbCommandInterceptor
    {
        public bool Armed { get; set; }

        public int Collisions { get; private set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Armed && command.CommandText.Contains("INSERT INTO \"Categories\"", StringComparison.Ordinal))
            {
                Armed = false;
                Collisions++;
                await using var insert = (SqliteCommand)command.Connection!.CreateCommand();
                insert.Transaction = (SqliteTransaction?)command.Transaction;
                insert.CommandText = "INSERT INTO \"Categories\" (\"Id\", \"Name\") VALUES ($id, 'Added by the other writer')";
                insert.Parameters.AddWithValue("$id", categoryId);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
