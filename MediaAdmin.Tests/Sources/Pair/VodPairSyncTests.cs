using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources.Pair;

/// <summary>
/// A gateway mirroring a remote of 20,000 assets: the first full sync, an incremental sync after changes on the
/// remote, and the remote's callbacks. Each test leaves the mirror equal to the remote.
/// </summary>
public sealed class VodPairSyncTests(SeededVodPairFixture fixture) : IClassFixture<SeededVodPairFixture>
{
    private VodPair Pair => fixture.Pair;

    [Fact]
    public async Task The_first_full_sync_mirrors_all_20000_remote_assets_with_their_titles_statuses_types_and_categories()
    {
        var remote = fixture.RemoteAfterFirstSync;
        var mirror = fixture.MirrorAfterFirstSync;

        Assert.Equal(SeededVodPairFixture.SeededAssets, remote.Count);
        Assert.Equal((SeededVodPairFixture.SeededAssets, SeededVodPairFixture.SeededAssets), (Pair.FirstFullSync.Seen, Pair.FirstFullSync.Added));
        Assert.Equal(remote.Count, mirror.Count);
        Assert.Empty(remote.Where(r => !mirror.TryGetValue(r.Key, out var mirrored) || mirrored != r.Value).Take(5));
        Assert.Equal(Enum.GetValues<MediaStatus>().Length, mirror.Values.Select(r => r.Status).Distinct().Count());
        await using var scope = Pair.Gateway.Services.CreateAsyncScope();
        var categories = await scope.ServiceProvider.GetRequiredService<MediaDbContext>().Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name);
        Assert.Equal(RemoteLibrarySeed.Categories.ToDictionary(c => c.Id, c => c.Name), categories);
    }

    [Fact]
    public async Task A_title_changed_and_an_asset_added_on_the_remote_reach_the_mirror_with_the_next_incremental_sync()
    {
        var before = DateTime.UtcNow;
        var renamed = fixture.RemoteAfterFirstSync.Keys.Order(StringComparer.Ordinal).First();
        await RenameOnRemoteAsync(renamed, "Renamed on the remote");
        var added = await Pair.Remote.Services.GetRequiredService<AssetIngestion>()
            .IngestAsync(Drafts.Video(Pair.RemoteKeyOwner.Id, "Added on the remote") with { CategoryId = 1002 });

        var run = await GatewaySync.SyncIncrementalAsync(Pair.Gateway, before.AddMinutes(-2));

        Assert.Equal(SourceSyncKind.Incremental, run.Kind);
        Assert.Equal((2, 1, 1), (run.Seen, run.Added, run.Updated));
        Assert.Equal("Renamed on the remote", (await LibraryRows.FindAsync(Pair.Gateway, renamed))?.Title);
        Assert.Equal(new LibraryRow("Added on the remote", MediaStatus.Normal, MediaType.Video, 1002), await LibraryRows.FindAsync(Pair.Gateway, added.Id));
    }

    [Fact]
    public async Task A_video_deleted_on_the_remote_leaves_the_mirror_within_five_seconds_without_a_sync()
    {
        var victim = fixture.RemoteAfterFirstSync.Keys.Order(StringComparer.Ordinal).Last();
        Assert.NotNull(await LibraryRows.FindAsync(Pair.Gateway, victim));
        var runsBefore = await GatewaySync.RunCountAsync(Pair.Gateway);

        var deleted = await Pair.Remote.Services.GetRequiredService<VideoDeletionService>()
            .DeleteAsync(new DeletionCaller(Pair.RemoteKeyOwner.Id, DeletionChannel.Console), victim);
        Assert.Equal([victim], deleted.Deleted.Select(d => d.VideoId));

        await Poll.UntilAsync(async () => await LibraryRows.FindAsync(Pair.Gateway, victim) is null, TimeSpan.FromSeconds(5), "the mirror to drop the video");

        Assert.Equal(runsBefore, await GatewaySync.RunCountAsync(Pair.Gateway));
        Assert.Equal(["DeleteMediaComplete"], await ReceivedEventsAsync(victim));
    }

    /// <summary>The callbacks the gateway recorded about <paramref name="videoId"/>; it records one after applying it, so this waits for the first.</summary>
    private async Task<List<string>> ReceivedEventsAsync(string videoId)
    {
        List<string> received = [];
        await Poll.UntilAsync(
            async () =>
            {
                await using var scope = Pair.Gateway.Services.CreateAsyncScope();
                received = await scope.ServiceProvider.GetRequiredService<MediaDbContext>().ReceivedVodEvents.AsNoTracking()
                    .Where(e => e.VideoId == videoId).Select(e => e.EventType).ToListAsync();
                return received.Count > 0;
            },
            TimeSpan.FromSeconds(30),
            "the gateway to record the callback");
        return received;
    }

    private async Task RenameOnRemoteAsync(string id, string title)
    {
        await using var scope = Pair.Remote.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
        var asset = await db.MediaAssets.SingleAsync(a => a.Id == id);
        (asset.Title, asset.UpdatedAtUtc) = (title, DateTime.UtcNow);
        await db.SaveChangesAsync();
    }
}
