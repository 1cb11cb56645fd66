using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Tests.Deletion;

public sealed class DeletionSelectionTests
{
    [Fact]
    public void A_21st_asset_is_refused_and_the_selection_stays_at_20()
    {
        var selection = new DeletionSelection();
        for (var i = 0; i < 20; i++)
        {
            Assert.True(selection.TryAdd(new SelectedAsset(VideoId.New(), $"Asset {i}", true, null)).IsSuccess);
        }

        var refusal = selection.TryAdd(new SelectedAsset(VideoId.New(), "One too many", true, null));

        Assert.Equal("At most 20 assets can be deleted at once; remove one from the selection first.", refusal.Error);
        Assert.Equal("20 / 20 selected", selection.CounterText);
        Assert.DoesNotContain(selection.Items, i => i.Title == "One too many");
    }

    [Fact]
    public void Selecting_twice_counts_once_and_removing_frees_a_place()
    {
        var selection = new DeletionSelection();
        var asset = new SelectedAsset(VideoId.New(), "A", true, null);
        selection.TryAdd(asset);
        selection.TryAdd(asset);
        Assert.Equal("1 / 20 selected", selection.CounterText);

        Assert.True(selection.Remove(asset.Id));
        Assert.Equal(0, selection.Count);
    }

    [Fact]
    public void Assets_deleted_elsewhere_are_dropped_and_reported()
    {
        var selection = new DeletionSelection();
        var keep = new SelectedAsset(VideoId.New(), "Keep", true, null);
        var gone = new SelectedAsset(VideoId.New(), "Gone", true, null);
        selection.TryAdd(keep);
        selection.TryAdd(gone);

        var dropped = selection.RemoveAll([gone.Id, VideoId.New()]);

        Assert.Equal([gone], dropped);
        Assert.Equal(keep.Id, selection.ToVideoIds());
    }
}
