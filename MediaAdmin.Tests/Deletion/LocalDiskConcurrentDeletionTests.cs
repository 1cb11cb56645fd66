namespace MediaAdmin.Tests.Deletion;

/// <summary>The 16-caller race on a storage folder, also on assets of 3,000 files.</summary>
public sealed class LocalDiskConcurrentDeletionTests : ConcurrentDeletionTests
{
    [Fact]
    public Task Sixteen_parallel_callers_on_overlapping_sets_of_3000_file_assets_delete_each_asset_exactly_once() => RaceAsync(3, 2990, 9);

    protected override Dictionary<string, string?> StorageSettings() => [];
}
