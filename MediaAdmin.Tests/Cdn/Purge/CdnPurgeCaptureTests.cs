using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn.Purge;

/// <summary>
/// What a deletion keeps for the purge: each asset's folder from its reminder, and every file, segments included, as the
/// file removal listed them before removing them.
/// </summary>
public sealed class CdnPurgeCaptureTests
{
    [Fact]
    public async Task A_deletion_of_two_assets_keeps_each_folder_and_every_file_its_removal_listed_and_bans_each_folder_once()
    {
        await using var host = await PurgeHost.StartAsync(new Dictionary<string, string?> { ["Cdn:Purge:Http:BanPrefix"] = "true" });
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);
        var ingestion = host.App.Services.GetRequiredService<AssetIngestion>();
        var assets = await ingestion.IngestManyAsync([PurgeFixtures.HlsVideo(editor.Id, "One"), PurgeFixtures.HlsVideo(editor.Id, "Two")]);
        var deletion = await host.App.Deletion.DeleteAsync(new DeletionCaller(editor.Id, DeletionChannel.Console), string.Join(",", assets.Select(a => a.Id)));

        await host.App.WaitForNoPendingDeletionsAsync();
        var captured = (await host.Queries.DetailAsync(editor.Id, deletion.RequestId)).Value;

        foreach (var asset in assets)
        {
            var folder = Assert.Single(captured.Urls, u => u.IsFolder && u.VideoId == asset.Id);
            Assert.Equal($"http://localhost:{host.Edge.Address.Port}/cdn/media/{asset.Id}/", folder.Url);
            var files = captured.Urls.Where(u => !u.IsFolder && u.VideoId == asset.Id).Select(u => u.Url).Order(StringComparer.Ordinal);
            Assert.Equal(asset.Files.Select(f => f.CdnUrl).Order(StringComparer.Ordinal), files);
        }

        await host.Purges.RefreshNowAsync(editor.Id, [deletion.RequestId]);
        var verified = await host.WaitForAsync(editor.Id, deletion.RequestId, d => d.Summary.State is CdnPurgeState.Verified or CdnPurgeState.Failed);
        Assert.Equal(CdnPurgeState.Verified, verified.Summary.State);
        Assert.Equal(assets.Select(a => $"/cdn/media/{a.Id}/").Order(StringComparer.Ordinal), host.Edge.Purges.Select(p => p.BanPrefix).Order(StringComparer.Ordinal));
    }
}
