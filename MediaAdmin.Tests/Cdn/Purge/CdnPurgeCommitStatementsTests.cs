using System.Collections.Concurrent;
using System.Data.Common;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn.Purge;

/// <summary>
/// With a purge provider, a deletion's answer still does not grow with its assets' files: the commit reads no file
/// row, and the purge gets every file's URL from the listing the file removal keeps.
/// </summary>
public sealed class CdnPurgeCommitStatementsTests
{
    [Fact]
    public async Task A_deletion_with_a_purge_provider_commits_without_reading_a_file_row_and_the_purge_still_lists_every_segment()
    {
        var statements = new DeletionStatements();
        await using var host = await PurgeHost.StartAsync(
            new Dictionary<string, string?> { ["Cdn:Purge:Automatic"] = "false" },
            services: s => s.ConfigureDbContext<SqliteMediaDbContext>(options => options.AddInterceptors(statements)));
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);
        var asset = await host.App.Services.GetRequiredService<AssetIngestion>().IngestAsync(PurgeFixtures.HlsVideo(editor.Id));
        Assert.Equal(4 + PurgeFixtures.SegmentCount, asset.Files.Count);

        var deletion = await statements.RecordAsync(() => host.App.Deletion.DeleteAsync(new DeletionCaller(editor.Id, DeletionChannel.Console), asset.Id));

        Assert.True(deletion.Succeeded);
        Assert.Contains(statements.Sql, sql => sql.Contains("DELETE FROM \"MediaAssets\"", StringComparison.Ordinal));
        Assert.DoesNotContain(statements.Sql, sql => sql.Contains("\"MediaFiles\"", StringComparison.Ordinal));

        await host.App.WaitForNoPendingDeletionsAsync();
        var detail = (await host.Queries.DetailAsync(editor.Id, deletion.RequestId)).Value;
        Assert.Equal(
            asset.Files.Select(f => f.CdnUrl).Order(StringComparer.Ordinal),
            detail.Urls.Where(u => !u.IsFolder).Select(u => u.Url).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The SQL of every command run on the flow of <see cref="RecordAsync"/>, synchronous or not, and of nothing else:
    /// the workers run on flows of their own, and a wake-up does not hand them this one.
    /// </summary>
    private sealed class DeletionStatements : CommandObserver
    {
        private readonly AsyncLocal<bool> _recording = new();
        private readonly ConcurrentQueue<string> _sql = new();

        public IReadOnlyCollection<string> Sql => _sql;

        public async Task<T> RecordAsync<T>(Func<Task<T>> action)
        {
            _recording.Value = true;
            try
            {
                return await action();
            }
            finally
            {
                _recording.Value = false;
            }
        }

        protected override void Observe(DbCommand command)
        {
            if (_recording.Value)
            {
                _sql.Enqueue(command.CommandText);
            }
        }
    }
}
