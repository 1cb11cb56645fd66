using System.Globalization;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources.Pair;

/// <summary>
/// Fills the remote's library: categories through EF, and thousands of asset rows (no files) with plain SQL in
/// batches, the way a VOD account holds them: every status, some audio, some uncategorised, creation times shared
/// by several assets as a bulk import leaves them.
/// </summary>
public static class RemoteLibrarySeed
{
    public static readonly IReadOnlyList<Category> Categories =
    [
        new() { Id = 1001, Name = "Harbour films" },
        new() { Id = 1002, Name = "Newsroom" },
        new() { Id = 1003, Name = "Sport highlights" },
        new() { Id = 1004, Name = "Lectures" },
    ];

    private const int BatchSize = 2_000;

    private static readonly string[] ParameterNames = ["$id", "$title", "$key", "$type", "$status", "$duration", "$size", "$owner", "$category", "$time"];

    private static readonly MediaStatus[] Statuses = Enum.GetValues<MediaStatus>();

    private static readonly DateTime Start = new(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>Adds <see cref="Categories"/> to the server's library.</summary>
    public static async Task AddCategoriesAsync(ConsoleServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
        db.Categories.AddRange(Categories.Select(c => new Category { Id = c.Id, Name = c.Name }));
        await db.SaveChangesAsync();
    }

    /// <summary>The category the seed gives asset number <paramref name="index"/>: one in five has none.</summary>
    public static long? CategoryOf(int index) => index % 5 == 4 ? null : Categories[index % Categories.Count].Id;

    /// <summary>Inserts <paramref name="count"/> asset rows owned by <paramref name="ownerId"/>, titled "Remote asset NNNNN ...".</summary>
    public static async Task AddRowsAsync(ConsoleServer server, string ownerId, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(server.DataFolder, "mediaadmin.db")};Default Timeout=30");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO "MediaAssets" ("Id", "Title", "SearchKey", "MediaType", "Status", "DurationSeconds", "SourceSizeBytes", "TotalSizeBytes",
                                       "OwnerId", "CategoryId", "MissingFiles", "FileCount", "CreatedAtUtc", "UpdatedAtUtc")
            VALUES ($id, $title, $key, $type, $status, $duration, $size, $size, $owner, $category, 0, 0, $time, $time)
            """;
        var parameters = ParameterNames.ToDictionary(name => name, name => insert.Parameters.Add(new SqliteParameter { ParameterName = name }));
        for (var first = 0; first < count; first += BatchSize)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            insert.Transaction = (SqliteTransaction)transaction;
            for (var i = first; i < Math.Min(count, first + BatchSize); i++)
            {
                var id = VideoId.New();
                parameters["$id"].Value = id;
                parameters["$title"].Value = TitleOf(i);
                parameters["$key"].Value = VideoId.SearchKeyOf(id);
                parameters["$type"].Value = (int)(i % 10 == 9 ? MediaType.Audio : MediaType.Video);
                parameters["$status"].Value = (int)Statuses[i % Statuses.Length];
                parameters["$duration"].Value = 10 + (i % 3600);
                parameters["$size"].Value = 1_000_000L + i;
                parameters["$owner"].Value = ownerId;
                parameters["$category"].Value = CategoryOf(i) is { } category ? category : DBNull.Value;

                // Four assets share each creation time, as a bulk import leaves them: the traversal must still list each once.
                parameters["$time"].Value = Start.AddSeconds(i / 4).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }

    public static string TitleOf(int index) => string.Create(CultureInfo.InvariantCulture, $"Remote asset {index:00000} {(index % 2 == 0 ? "harbour" : "summit")}");
}
