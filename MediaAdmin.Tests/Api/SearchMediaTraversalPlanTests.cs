using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Api;

/// <summary>
/// A ScrollToken page is a keyset seek, so the millionth page costs what the first does: SQLite's own plan for the
/// page query that really ran shows an index search on the sort key and no OFFSET.
/// </summary>
public sealed class SearchMediaTraversalPlanTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly PlanCapture _plans = new();
    private ConsoleServer _server = null!;

    public async Task InitializeAsync() => _server = await ConsoleServer.StartAsync(_folder.Path, configure: builder =>
        builder.Services.ConfigureDbContext<SqliteMediaDbContext>(options => options.AddInterceptors(_plans)));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("CreationTime:Asc", "IX_MediaAssets_MediaType_CreatedAtUtc")]
    [InlineData("CreationTime:Desc", "IX_MediaAssets_MediaType_CreatedAtUtc")]
    [InlineData("ModificationTime:Asc", "IX_MediaAssets_MediaType_UpdatedAtUtc_Id")]
    public async Task A_page_after_a_ScrollToken_seeks_through_the_sort_index_without_OFFSET(string sortBy, string index)
    {
        var viewer = await _server.CreateUserAsync(RoleNames.Viewer);
        var key = (await _server.Services.GetRequiredService<AccessKeyService>().CreateAsync(viewer.Id, viewer.Id)).Value;
        await _server.Services.GetRequiredService<AssetIngestion>().IngestManyAsync(
            Enumerable.Range(0, 12).Select(i => Drafts.Video(viewer.Id, $"Plan {i}", streams: 1, snapshots: 1)).ToList());
        using var http = new HttpClient { BaseAddress = _server.ApiAddress };
        var first = await SearchAsync(http, key, new() { ["PageSize"] = "5", ["SortBy"] = sortBy });
        _plans.Clear();

        var second = await SearchAsync(http, key, new() { ["PageSize"] = "5", ["SortBy"] = sortBy, ["ScrollToken"] = first.GetProperty("ScrollToken").GetString()! });

        Assert.Equal(5, second.GetProperty("MediaList").GetArrayLength());
        var (sql, plan) = Assert.Single(_plans.Seeks);
        Assert.DoesNotContain("OFFSET", sql, StringComparison.OrdinalIgnoreCase);

        // The page is read in a co-routine before the outer query joins owner, category and thumbnail to its rows: no
        // full scan of the assets there and no sort of all of them (ties within one time may be sorted by ID, "LAST TERM").
        var pageRead = plan.TakeWhile(line => line != "SCAN m0").ToList();
        Assert.Contains(pageRead, line => line.StartsWith("SEARCH m USING INDEX " + index + " (MediaType=? AND ", StringComparison.Ordinal));
        Assert.DoesNotContain(pageRead, line => line == "SCAN m" || line.StartsWith("SCAN m ", StringComparison.Ordinal));
        Assert.DoesNotContain("USE TEMP B-TREE FOR ORDER BY", pageRead);
    }

    private static async Task<JsonElement> SearchAsync(HttpClient http, NewAccessKey key, Dictionary<string, string> parameters)
    {
        using var answer = await http.GetAsync("/?" + SignedRequests.Query(key.Id, key.Secret, "SearchMedia", parameters));
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Records each library page query that seeks past a position, with SQLite's plan for it, asked on the same connection just before it runs.</summary>
    private sealed class PlanCapture : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<(string Sql, List<string> Plan)> _seeks = new();

        public IReadOnlyList<(string Sql, List<string> Plan)> Seeks => [.. _seeks];

        public void Clear() => _seeks.Clear();

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            var sql = command.CommandText;
            if (sql.Contains("\"MediaAssets\"", StringComparison.Ordinal)
                && (sql.Contains("\"m\".\"Id\" > @", StringComparison.Ordinal) || sql.Contains("\"m\".\"Id\" < @", StringComparison.Ordinal)))
            {
                _seeks.Enqueue((sql, await PlanOfAsync(command, cancellationToken)));
            }

            return await base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        private static async Task<List<string>> PlanOfAsync(DbCommand command, CancellationToken cancellationToken)
        {
            await using var explain = command.Connection!.CreateCommand();
            explain.Transaction = command.Transaction;
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            foreach (DbParameter parameter in command.Parameters)
            {
                var copy = explain.CreateParameter();
                copy.ParameterName = parameter.ParameterName;
                copy.Value = parameter.Value;
                explain.Parameters.Add(copy);
            }

            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lines.Add(reader.GetString(3));
            }

            return lines;
        }
    }
}
