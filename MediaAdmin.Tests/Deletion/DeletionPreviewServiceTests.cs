using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Deletion;

public sealed class DeletionPreviewServiceTests : CoreHostTest
{
    [Fact]
    public async Task A_viewer_may_delete_nothing_and_is_told_why()
    {
        var viewer = await App.CreateUserAsync(RoleNames.Viewer);

        var answer = await Previews.MayDeleteAnyAsync(viewer.Id);

        Assert.Equal(ResultStatus.Forbidden, answer.Status);
        Assert.Equal("Your roles do not allow deleting assets.", answer.Error);
    }

    [Fact]
    public async Task Editors_and_administrators_may_delete_something()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var admin = await App.CreateUserAsync(RoleNames.Administrator);

        Assert.True((await Previews.MayDeleteAnyAsync(editor.Id)).IsSuccess);
        Assert.True((await Previews.MayDeleteAnyAsync(admin.Id)).IsSuccess);
    }

    [Fact]
    public async Task A_role_losing_its_delete_permission_is_refused_at_once()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);

        await App.SetRolePermissionsAsync(RoleNames.Editor, PermissionNames.ReadMedia);

        Assert.Equal("Your roles do not allow deleting assets.", (await Previews.MayDeleteAnyAsync(editor.Id)).Error);
    }

    [Fact]
    public async Task An_editors_selection_of_colleagues_assets_offers_nothing_to_confirm()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var colleague = await App.CreateUserAsync(RoleNames.Editor, name: "Eli");
        var theirs = await App.AddAssetAsync(colleague.Id, title: "Their clip");
        var missing = VideoId.New();

        var preview = await Previews.PreviewAsync(editor.Id, [theirs.Id, missing]);

        Assert.False(preview.CanConfirm);
        Assert.Equal("None of the selected assets can be deleted", preview.Headline);
        Assert.Empty(preview.Deletable);
        var kept = Assert.Single(preview.Kept);
        Assert.Equal("You can delete only assets you own; this one belongs to Eli.", kept.DeniedReason);
        Assert.Equal([missing], preview.Missing);
    }

    [Fact]
    public async Task A_mixed_selection_counts_only_what_goes_and_keeps_the_rest()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var colleague = await App.CreateUserAsync(RoleNames.Editor);
        var own = await App.AddAssetsAsync(editor.Id, 2, streams: 3, snapshots: 1);
        var theirs = await App.AddAssetAsync(colleague.Id);

        var preview = await Previews.PreviewAsync(editor.Id, [own[0].Id, theirs.Id, own[1].Id]);

        Assert.True(preview.CanConfirm);
        Assert.Equal("Delete 2 assets for good?", preview.Headline);
        Assert.Equal("Delete 2 permanently", preview.ConfirmLabel);
        Assert.Equal([own[0].Id, own[1].Id], preview.Deletable.Select(i => i.Id));
        Assert.Equal([theirs.Id], preview.Kept.Select(i => i.Id));
        Assert.Equal((2, 6, 2, 10), (preview.MezzaninesToRemove, preview.StreamsToRemove, preview.SnapshotsToRemove, preview.FilesToRemove));
    }

    private DeletionPreviewService Previews => App.Services.GetRequiredService<DeletionPreviewService>();
}
