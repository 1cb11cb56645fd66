using Bunit;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using MediaAdmin.Web.Components.Pages.Library;
using MediaAdmin.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Components;

/// <summary>The asset drawer rendered by bUnit over the real Core services and a really transcoded clip.</summary>
public sealed class AssetDrawerTests : CoreComponentTest
{
    private AssetIngestion Ingestion => App.Services.GetRequiredService<AssetIngestion>();

    [Fact]
    public async Task The_drawer_lists_a_transcoded_assets_files_by_kind_with_sizes_and_its_metadata()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor, "Ed Itor");
        var asset = await TranscodedClips.AddVideoAsync(Ingestion, editor.Id, "Harbour at dawn");
        SignInWith(editor, typeof(AssetPreviewService));

        var drawer = Render<AssetDrawer>(p => p.Add(d => d.AssetId, asset.Id));

        drawer.WaitForAssertion(() => Assert.Equal("Harbour at dawn", drawer.Find("[data-testid=drawer-title]").TextContent));
        Assert.Equal("0:04", drawer.Find("[data-testid=drawer-duration]").TextContent);
        Assert.Equal("Normal", drawer.Find("[data-testid=drawer-status]").TextContent);
        Assert.Equal("Ed Itor", drawer.Find("[data-testid=drawer-owner]").TextContent);
        Assert.Equal(Format.Bytes(asset.TotalSizeBytes), drawer.Find("[data-testid=drawer-size]").TextContent);
        Assert.Single(drawer.FindAll("[data-testid=drawer-files-mezzanine] [data-testid=drawer-file]"));
        var streams = drawer.FindAll("[data-testid=drawer-files-stream] [data-testid=drawer-file]");
        Assert.Equal(asset.Files.Count(f => f.Kind == MediaFileKind.Stream), streams.Count);
        var master = Assert.Single(streams, row => row.TextContent.Contains("streams/master.m3u8", StringComparison.Ordinal));
        var masterFile = asset.Files.Single(f => f.StorageKey.EndsWith("/streams/master.m3u8", StringComparison.Ordinal));
        Assert.Equal(Format.Bytes(masterFile.SizeBytes), master.QuerySelector("[data-testid=drawer-file-size]")!.TextContent);
        Assert.Contains(drawer.FindAll("[data-testid=drawer-files-snapshot] [data-testid=drawer-file]"), row => row.TextContent.Contains("snapshots/sprite.vtt", StringComparison.Ordinal));
        Assert.NotEmpty(drawer.FindAll("[data-testid=snapshot-strip] img"));
        Assert.Equal($"cdn/media/{asset.Id}/snapshots/cover.jpg", drawer.Find("[data-testid=player]").GetAttribute("poster"));
        Assert.NotNull(drawer.Find("[data-testid=drawer-delete]"));
        var attach = JSInterop.VerifyInvoke("attach");
        Assert.Equal($"cdn/media/{asset.Id}/streams/master.m3u8", attach.Arguments[1]);
        Assert.Equal($"cdn/media/{asset.Id}/streams/mp4-360p.mp4", attach.Arguments[2]);
        Assert.Equal($"cdn/media/{asset.Id}/snapshots/sprite.vtt", attach.Arguments[5]);
    }

    [Fact]
    public async Task A_viewer_sees_no_delete_in_the_drawer_but_the_reason()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var viewer = await App.CreateUserAsync(RoleNames.Viewer);
        var asset = await App.AddAssetAsync(editor.Id, title: "Someone else's clip");
        SignInWith(viewer, typeof(AssetPreviewService));

        var drawer = Render<AssetDrawer>(p => p.Add(d => d.AssetId, asset.Id));

        drawer.WaitForAssertion(() => Assert.Equal("Someone else's clip", drawer.Find("[data-testid=drawer-title]").TextContent));
        Assert.Empty(drawer.FindAll("[data-testid=drawer-delete]"));
        Assert.Equal("Your roles do not allow deleting assets.", drawer.Find("[data-testid=drawer-delete-refusal]").TextContent);
    }

    [Fact]
    public async Task A_deleted_asset_shows_why_the_drawer_is_empty()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        SignInWith(editor, typeof(AssetPreviewService));

        var drawer = Render<AssetDrawer>(p => p.Add(d => d.AssetId, VideoId.New()));

        drawer.WaitForAssertion(() => Assert.Contains("it may have just been deleted", drawer.Find("[data-testid=drawer-problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(drawer.FindAll("[data-testid=player]"));
    }

    [Fact]
    public async Task Clicking_a_row_opens_its_drawer_whose_delete_confirms_and_deletes_as_delete_selected_does()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var asset = await App.AddAssetAsync(editor.Id, title: "Clip to remove");
        SignInWith(
            editor, typeof(LibraryQueryService), typeof(VideoDeletionService), typeof(FileRemovalProgressService), typeof(DeletionPreviewService), typeof(DeletionNotifier),
            typeof(PermissionService), typeof(IOptions<CdnOptions>), typeof(AssetPreviewService), typeof(Core.Ingest.IngestProgressService),
            typeof(Core.Cdn.Purge.CdnPurgeQueries), typeof(Core.Cdn.Purge.CdnPurgeService), typeof(Core.Cdn.Purge.CdnPurgeNotifier), typeof(IOptions<Core.Cdn.Purge.CdnPurgeOptions>));
        var providers = RenderProviders();
        var page = Render<LibraryPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=row-title]")));

        page.Find("tr:has([data-testid=row-title])").Click();
        page.WaitForAssertion(() => Assert.Equal("Clip to remove", page.Find("[data-testid=drawer-title]").TextContent));
        page.Find("[data-testid=drawer-delete]").Click();
        providers.WaitForAssertion(() => Assert.Equal("Delete 1 asset for good?", providers.Find("[data-testid=confirm-headline]").TextContent.Trim()));
        providers.Find("[data-testid=confirm-delete]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=row-title]")));
        Assert.DoesNotContain(asset.Id, await App.LiveAssetIdsAsync());
        Assert.Empty(page.FindAll("[data-testid=drawer-title]"));
    }
}
