using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Library;

/// <summary>
/// Newest and oldest first, a search walks the title index in key order and stops after the page; these
/// pin that it still lists exactly what sorting every match by creation time, then ID, lists.
/// </summary>
public sealed class TitleSearchOrderTests
{
    private static readonly DateTime Second = new(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    // Out of creation order, many in one second and several at the same instant.
    private static readonly DateTime[] Times =
    [
        Second.AddSeconds(1), Second, Second.AddMilliseconds(500), Second, Second.AddSeconds(-1), Second,
        Second.AddMilliseconds(500), Second, Second.AddSeconds(2), Second, Second.AddDays(-3), Second,
    ];

    [Fact]
    public async Task Search_pages_newest_and_oldest_first_list_ties_in_creation_time_in_id_order()
    {
        using var folder = new TempFolder();
        await using var app = await CoreHost.StartAsync(folder.Path);
        var editor = await app.CreateUserAsync(RoleNames.Editor);
        var colleague = await app.CreateUserAsync(RoleNames.Editor);
        var ingestion = app.Services.GetRequiredService<AssetIngestion>();
        var drafts = Times.Select((time, i) => Drafts.Video(i % 4 == 3 ? colleague.Id : editor.Id, $"Summit review {i}", 0, 1) with { CreatedAtUtc = time })
            .Concat(Times.Select((time, i) => Drafts.Video(editor.Id, $"Other {i}", 0, 1) with { CreatedAtUtc = time }))
            .ToList();
        var assets = (await ingestion.IngestManyAsync(drafts[6..])).Concat(await ingestion.IngestManyAsync(drafts[..6])).ToList();

        await AssertPagesAsync(app, editor.Id, assets.Where(a => a.Title.StartsWith("Summit", StringComparison.Ordinal)).ToList(), new LibraryQuery { Search = "summit" });
        await AssertPagesAsync(app, editor.Id, assets.Where(a => a.Title.StartsWith("Summit", StringComparison.Ordinal) && a.OwnerId == editor.Id).ToList(), new LibraryQuery { Search = "summ", MineOnly = true });
    }

    [Fact]
    public async Task An_upgraded_library_is_searched_in_creation_order_and_keeps_its_search_index()
    {
        using var folder = new TempFolder();
        string editorId;
        List<MediaAsset> assets;
        await using (var app = await CoreHost.StartAsync(folder.Path))
        {
            editorId = (await app.CreateUserAsync(RoleNames.Editor)).Id;
            assets = (await app.Services.GetRequiredService<AssetIngestion>()
                .IngestManyAsync(Times.Select((time, i) => Drafts.Video(editorId, $"Summit review {i}", 0, 1) with { CreatedAtUtc = time }).ToList())).ToList();
        }

        await DowngradeToRandomSearchKeysAsync(folder.Path);

        await using (var app = await CoreHost.StartAsync(folder.Path))
        {
            var newest = await app.Services.GetRequiredService<AssetIngestion>()
                .IngestAsync(Drafts.Video(editorId, "Summit recap", 0, 1) with { CreatedAtUtc = Second.AddDays(1) });
            await AssertPagesAsync(app, editorId, [.. assets, newest], new LibraryQuery { Search = "summit" });
        }
    }

    /// <summary>The database as it was before keys followed creation: the old triggers and keys from the ID.</summary>
    private static async Task DowngradeToRandomSearchKeysAsync(string dataFolder)
    {
        var connection = $"Data Source={Path.Combine(dataFolder, "mediaadmin.db")}";
        await using (var db = new SqliteMediaDbContext(new DbContextOptionsBuilder<SqliteMediaDbContext>().UseSqlite(connection).Options))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261123211649_AccessKeys");
            foreach (var id in await db.MediaAssets.Select(a => a.Id).ToListAsync())
            {
                await db.Database.ExecuteSqlAsync($"UPDATE \"MediaAssets\" SET \"SearchKey\" = {VideoId.SearchKeyOf(id)} WHERE \"Id\" = {id}");
            }
        }

        SqliteConnection.ClearAllPools();
    }

    private static async Task AssertPagesAsync(CoreHost app, string userId, IReadOnlyList<MediaAsset> matching, LibraryQuery query)
    {
        var library = app.Services.GetRequiredService<LibraryQueryService>();
        foreach (var descending in new[] { true, false })
        {
            var expected = (descending
                    ? matching.OrderByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.Id, StringComparer.Ordinal)
                    : matching.OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id, StringComparer.Ordinal))
                .Select(a => a.Id).ToList();
            foreach (var pageSize in new[] { 1, 3, 4, 25 })
            {
                var listed = new List<string>();
                for (var page = 0; page * pageSize <= expected.Count; page++)
                {
                    var result = (await library.QueryAsync(userId, query with { Descending = descending, PageSize = pageSize, Page = page })).Value;
                    Assert.Equal(expected.Count, result.TotalCount);
                    listed.AddRange(result.Rows.Select(r => r.Id));
                }

                Assert.Equal(expected, listed);
            }
        }
    }
}
