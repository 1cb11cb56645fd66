using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources;

/// <summary>
/// On SQL Server the console retries transient failures (EnableRetryOnFailure), and such a strategy refuses a
/// transaction not run through it. No SQL Server runs here, so SQLite is given a strategy that retries too: the mirror's
/// writes must work under it as they would on SQL Server.
/// </summary>
public sealed class MirrorOnRetryingStrategyTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private CoreHost _app = null!;

    private RemoteMirror Mirror => _app.Services.GetRequiredService<RemoteMirror>();

    public async Task InitializeAsync() =>
        _app = await CoreHost.StartAsync(_folder.Path, RetryingLikeSqlServer.Configure);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Sync_pages_and_removals_are_mirrored_under_a_retrying_strategy()
    {
        var added = await Mirror.UpsertAsync([Video(1, "Keynote", 42, "Events"), Video(2, "Panel", 42, "Events")], seenInSyncRunId: 1, DateTime.UtcNow);
        var updated = await Mirror.UpsertAsync([Video(2, "Panel, cut")], seenInSyncRunId: 2, DateTime.UtcNow);
        var removed = await Mirror.RemoveAsync([GeneratedCatalog.IdOf(1)]);

        Assert.Equal((2, 0), (added.Added, added.Updated));
        Assert.Equal((0, 1), (updated.Added, updated.Updated));
        Assert.Equal([GeneratedCatalog.IdOf(1)], removed.RemovedIds);
        await using var db = await _app.OpenDbAsync();
        Assert.Equal([(GeneratedCatalog.IdOf(2), "Panel, cut")], (await db.MediaAssets.Select(a => new { a.Id, a.Title }).ToListAsync()).Select(a => (a.Id, a.Title)));
    }

    private static VodRemoteVideo Video(int n, string title, long? cateId = null, string? cateName = null) => new(
        GeneratedCatalog.IdOf(n), MediaType.Video, title, null, "Normal", 12.5, 1_000_000, cateId, cateName, null,
        new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(n), new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc), []);
}
