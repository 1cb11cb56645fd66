using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Library;

/// <summary>What the asset drawer and GetPlayInfo read of one asset, over real transcoded media.</summary>
public sealed class AssetPreviewServiceTests : CoreHostTest
{
    private AssetPreviewService Previews => App.Services.GetRequiredService<AssetPreviewService>();

    private AssetIngestion Ingestion => App.Services.GetRequiredService<AssetIngestion>();

    [Fact]
    public async Task A_transcoded_video_is_previewed_with_its_master_playlist_mp4_snapshots_sprite_index_and_every_file()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor, "Ed Itor");
        var category = await AddCategoryAsync("Harbour");
        var asset = await TranscodedClips.AddVideoAsync(Ingestion, editor.Id, "Harbour at dawn", categoryId: category.Id);

        var preview = (await Previews.GetAsync(editor.Id, asset.Id)).Value;

        Assert.Equal(("Harbour at dawn", MediaStatus.Normal, "Ed Itor", "Harbour"), (preview.Asset.Title, preview.Asset.Status, preview.Asset.OwnerName, preview.Asset.Category));
        Assert.InRange(preview.Asset.DurationSeconds, TranscodedClips.VideoSeconds - 0.5, TranscodedClips.VideoSeconds + 0.5);
        Assert.Equal(asset.Files.Count, preview.Files.Count);
        Assert.Equal(asset.TotalSizeBytes, preview.Files.Sum(f => f.SizeBytes));
        Assert.Equal(("streams/master.m3u8", "AUTO"), (preview.HlsMaster?.Name, preview.HlsMaster?.Definition));
        Assert.Equal($"media/{asset.Id}/streams/master.m3u8", preview.HlsMaster?.StorageKey);
        Assert.Equal(("streams/mp4-360p.mp4", 640, 360), (preview.ProgressiveSource?.Name, preview.ProgressiveSource?.Width, preview.ProgressiveSource?.Height));
        Assert.Equal(["streams/hls-360p/index.m3u8", "streams/master.m3u8", "streams/mp4-360p.mp4"], preview.PlayableStreams.Select(f => f.Name));
        Assert.Equal("snapshots/cover.jpg", preview.Cover?.Name);
        Assert.Equal(["snapshots/normal-00001.jpg", "snapshots/normal-00002.jpg"], preview.Snapshots.Select(s => s.Name).Take(2));
        Assert.Equal("snapshots/sprite.vtt", preview.SpriteIndex?.Name);
        Assert.Null(preview.Asset.DeleteDeniedReason);
    }

    [Fact]
    public async Task An_audio_asset_plays_from_its_aac_rendition_and_has_no_playlist_or_sprite()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var asset = await TranscodedClips.AddAudioAsync(Ingestion, editor.Id, "Tone");

        var preview = (await Previews.GetAsync(editor.Id, asset.Id)).Value;

        Assert.Equal(MediaType.Audio, preview.Asset.MediaType);
        Assert.Null(preview.HlsMaster);
        Assert.Equal("streams/audio-sq.m4a", preview.ProgressiveSource?.Name);
        Assert.Equal(["streams/audio-sq.m4a", "streams/audio-sq.mp3"], preview.PlayableStreams.Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Null(preview.SpriteIndex);
        Assert.NotNull(preview.Cover);
    }

    [Fact]
    public async Task A_viewer_reads_the_asset_but_is_told_why_it_may_not_delete_it()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var viewer = await App.CreateUserAsync(RoleNames.Viewer);
        var asset = await App.AddAssetAsync(editor.Id);

        var preview = (await Previews.GetAsync(viewer.Id, asset.Id)).Value;

        Assert.False(preview.Asset.CanDelete);
        Assert.Equal("Your roles do not allow deleting assets.", preview.Asset.DeleteDeniedReason);
    }

    [Fact]
    public async Task A_role_that_loses_media_read_is_forbidden_on_the_next_call()
    {
        var viewer = await App.CreateUserAsync(RoleNames.Viewer);
        var asset = await App.AddAssetAsync(viewer.Id);
        Assert.True((await Previews.GetAsync(viewer.Id, asset.Id)).IsSuccess);

        await App.SetRolePermissionsAsync(RoleNames.Viewer);
        var result = await Previews.GetAsync(viewer.Id, asset.Id);

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal("Your role does not allow viewing the library.", result.Error);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-an-id")]
    [InlineData("")]
    public async Task An_unknown_or_malformed_id_is_not_found_with_the_id_named(string id)
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);

        var result = await Previews.GetAsync(editor.Id, id);

        Assert.Equal(ResultStatus.NotFound, result.Status);
        Assert.Contains($"'{id}'", result.Error, StringComparison.Ordinal);
    }

    private async Task<Category> AddCategoryAsync(string name)
    {
        await using var db = await App.OpenDbAsync();
        var category = new Category { Name = name };
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        return category;
    }
}
