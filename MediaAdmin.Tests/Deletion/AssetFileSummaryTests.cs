using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Data.Migrations;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Ingest;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Deletion;

/// <summary>
/// The file summary an asset keeps (its file count and CDN reminder URLs) is what the deletion answers with, so it
/// must always equal what the asset's file rows give; an asset without one is still deleted with the right answer.
/// </summary>
public sealed class AssetFileSummaryTests : IngestHostTest
{
    private static readonly byte[] Content = [1, 2, 3];

    [Fact]
    public async Task Transcoded_asset_keeps_the_file_count_and_cdn_urls_its_file_rows_give()
    {
        var editor = await Host.App.CreateUserAsync(RoleNames.Editor);
        var id = await Host.SubmitAsync(editor.Id, await TestClips.VideoAsync(Sources.Path, 640, 360, seconds: 2));
        Assert.Equal(IngestJobState.Succeeded, await Host.AttemptEndedAsync(id));

        var (count, urls) = await KeptSummaryAsync(id);

        var (rowCount, rowUrls) = await SummaryOfFileRowsAsync(id);
        Assert.True(rowCount > 10, $"the ladder should have many files, not {rowCount}");
        Assert.Equal(rowCount, count);
        Assert.Equal(rowUrls, urls.Order(StringComparer.Ordinal));
        Assert.Contains($"https://cdn.example.test/vod/media/{id}/streams/hls-360p/", urls);
    }

    [Fact]
    public async Task Imported_asset_keeps_the_file_count_and_cdn_urls_its_file_rows_give()
    {
        var asset = await ImportLadderAsync();

        var (count, urls) = await KeptSummaryAsync(asset.Id);

        var (rowCount, rowUrls) = await SummaryOfFileRowsAsync(asset.Id);
        Assert.Equal((7, rowCount), (count, rowCount));
        Assert.Equal(rowUrls, urls.Order(StringComparer.Ordinal));
        Assert.Contains($"https://cdn.example.test/vod/media/{asset.Id}/hls/hd/index.m3u8", urls);
        Assert.DoesNotContain(urls, u => u.EndsWith("init.mp4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migration_data_step_gives_existing_assets_the_summary_their_file_rows_give()
    {
        var ladder = await ImportLadderAsync();
        var plain = await Host.App.AddAssetAsync((await Host.App.CreateUserAsync(RoleNames.Editor)).Id, streams: 2, snapshots: 3);
        var kept = new[] { await KeptSummaryAsync(ladder.Id), await KeptSummaryAsync(plain.Id) };
        await ForgetSummariesAsync();

        await using (var db = await Host.App.OpenDbAsync())
        {
            await db.Database.ExecuteSqlRawAsync(AssetFileSummaryBackfill.Sqlite);
        }

        var filled = new[] { await KeptSummaryAsync(ladder.Id), await KeptSummaryAsync(plain.Id) };
        Assert.Equal(kept.Select(Sorted), filled.Select(Sorted));
        Assert.Equal(Sorted(await SummaryOfFileRowsAsync(ladder.Id)), Sorted(filled[0]));
    }

    [Fact]
    public async Task Deletion_answers_with_the_kept_summary_without_reading_the_file_rows()
    {
        var admin = await Host.App.CreateUserAsync(RoleNames.Administrator);
        var asset = await ImportLadderAsync(admin.Id);
        await using (var db = await Host.App.OpenDbAsync())
        {
            await db.MediaAssets.Where(a => a.Id == asset.Id).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.FileCount, 4242)
                .SetProperty(a => a.CdnReminderUrls, "https://cdn.example.test/vod/kept/"));
        }

        var result = await Host.App.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), asset.Id);

        var deleted = Assert.Single(result.Deleted);
        Assert.Equal(4242, deleted.FileCount);
        Assert.Equal(["https://cdn.example.test/vod/kept/"], deleted.CdnUrls);
    }

    [Fact]
    public async Task Asset_without_a_kept_summary_is_deleted_with_the_count_and_urls_of_its_file_rows()
    {
        var admin = await Host.App.CreateUserAsync(RoleNames.Administrator);
        var asset = await ImportLadderAsync(admin.Id);
        var (rowCount, rowUrls) = await SummaryOfFileRowsAsync(asset.Id);
        await ForgetSummariesAsync();

        var result = await Host.App.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), asset.Id);

        var deleted = Assert.Single(result.Deleted);
        Assert.Equal(rowCount, deleted.FileCount);
        Assert.Equal(rowUrls, deleted.CdnUrls.Order(StringComparer.Ordinal));
        await Host.App.WaitForNoPendingDeletionsAsync();
        Assert.Empty(await Host.App.StoredKeysAsync($"media/{asset.Id}"));
    }

    private async Task<MediaAsset> ImportLadderAsync(string? ownerId = null)
    {
        ownerId ??= (await Host.App.CreateUserAsync(RoleNames.Editor)).Id;
        return await Host.App.Services.GetRequiredService<AssetIngestion>().IngestAsync(new AssetDraft("Ladder", MediaType.Video, ownerId,
        [
            new(MediaFileKind.Mezzanine, "source.mp4", "mp4", Content),
            new(MediaFileKind.Stream, "hls/hd/index.m3u8", "m3u8", Content),
            new(MediaFileKind.Stream, "hls/hd/init.mp4", "mp4", Content),
            new(MediaFileKind.Stream, "hls/hd/seg-00001.m4s", "m4s", Content),
            new(MediaFileKind.Stream, "hls/hd/SEG-00002.M4S", "m4s", Content),
            new(MediaFileKind.Stream, "hls/sd/seg-00001.ts", "ts", Content),
            new(MediaFileKind.Stream, "mp4/sd.mp4", "mp4", Content),
        ]));
    }

    private async Task<(int? Count, IReadOnlyList<string> Urls)> KeptSummaryAsync(string assetId)
    {
        await using var db = await Host.App.OpenDbAsync();
        var asset = await db.MediaAssets.AsNoTracking().SingleAsync(a => a.Id == assetId);
        Assert.NotNull(asset.CdnReminderUrls);
        return (asset.FileCount, CdnReminderUrls.FromStored(asset.CdnReminderUrls));
    }

    /// <summary>What a deletion computed before assets kept a summary: the rows counted, and the collapse of their URLs.</summary>
    private async Task<(int Count, IReadOnlyList<string> Urls)> SummaryOfFileRowsAsync(string assetId)
    {
        await using var db = await Host.App.OpenDbAsync();
        var rows = await db.MediaFiles.Where(f => f.AssetId == assetId).Select(f => f.CdnUrl).ToListAsync();
        return (rows.Count, CdnReminderUrls.Collapse(rows).Order(StringComparer.Ordinal).ToList());
    }

    private async Task ForgetSummariesAsync()
    {
        await using var db = await Host.App.OpenDbAsync();
        await db.MediaAssets.ExecuteUpdateAsync(set => set.SetProperty(a => a.FileCount, (int?)null).SetProperty(a => a.CdnReminderUrls, (string?)null));
    }

    private static string Sorted((int? Count, IReadOnlyList<string> Urls) summary) =>
        $"{summary.Count}: {string.Join(" ", summary.Urls.Order(StringComparer.Ordinal))}";
}
