using MediaAdmin.Core;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Storage;

/// <summary>Folders that deletions empty do not stay, even when removing them failed once or the process stopped.</summary>
public sealed class EmptyFolderPruningTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private int _folderFailuresLeft;

    public void Dispose() => _folder.Dispose();

    private string Root => Path.Combine(_folder.Path, "root");

    [Fact]
    public async Task Folders_whose_removal_failed_once_are_removed_on_a_later_pass()
    {
        var storage = StorageFailingFolderRemovals(1);
        await storage.PruneAsync();
        var keys = new[] { StorageKey.Parse("media/x/source.mp4"), StorageKey.Parse("media/x/streams/hd.mp4") };
        foreach (var key in keys)
        {
            await storage.WriteAsync(key, new MemoryStream([1]));
        }

        Assert.Empty(await storage.DeleteManyAsync(keys));
        await storage.PruneAsync();
        Assert.Equal(0, _folderFailuresLeft);
        Assert.True(Directory.Exists(Path.Combine(Root, "media", "x", "streams")));

        await storage.PruneAsync();

        Assert.False(Directory.Exists(Path.Combine(Root, "media")));
        Assert.True(Directory.Exists(Root));
    }

    [Fact]
    public async Task A_folder_a_single_delete_could_not_remove_is_removed_on_the_next_pass()
    {
        var storage = StorageFailingFolderRemovals(1);
        await storage.PruneAsync();
        var key = StorageKey.Parse("media/y/snapshots/00.png");
        await storage.WriteAsync(key, new MemoryStream([1]));

        await storage.DeleteAsync(key);
        Assert.True(Directory.Exists(Path.Combine(Root, "media", "y", "snapshots")));
        await storage.PruneAsync();

        Assert.False(Directory.Exists(Path.Combine(Root, "media")));
    }

    [Fact]
    public async Task The_first_pass_after_start_up_removes_empty_folders_an_earlier_run_left_and_nothing_else()
    {
        Directory.CreateDirectory(Path.Combine(Root, "media", "old", "streams"));
        Directory.CreateDirectory(Path.Combine(Root, "media", "older"));
        Directory.CreateDirectory(Path.Combine(Root, "media", "kept", "streams"));
        await File.WriteAllTextAsync(Path.Combine(Root, "media", "kept", "source.mp4"), "kept");
        var outside = Path.Combine(_folder.Path, "outside");
        Directory.CreateDirectory(Path.Combine(outside, "empty"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "media", "linked"), outside);

        await new LocalDiskMediaStorage(Root).PruneAsync();

        Assert.False(Directory.Exists(Path.Combine(Root, "media", "old")));
        Assert.False(Directory.Exists(Path.Combine(Root, "media", "older")));
        Assert.False(Directory.Exists(Path.Combine(Root, "media", "kept", "streams")));
        Assert.Equal("kept", await File.ReadAllTextAsync(Path.Combine(Root, "media", "kept", "source.mp4")));
        Assert.NotNull(new DirectoryInfo(Path.Combine(Root, "media", "linked")).LinkTarget);
        Assert.True(Directory.Exists(Path.Combine(outside, "empty")));
    }

    [Fact]
    public async Task The_deletion_worker_sweeps_empty_folders_left_by_an_earlier_run_at_start_up()
    {
        var leftBehind = Path.Combine(_folder.Path, "storage", "media", "stale", "streams");
        Directory.CreateDirectory(leftBehind);

        await using var app = await CoreHost.StartAsync(_folder.Path);

        await WaitUntilAsync(() => !Directory.Exists(Path.Combine(app.StorageRoot, "media")));
        Assert.True(Directory.Exists(app.StorageRoot));
    }

    [Fact]
    public async Task The_deletion_worker_removes_an_asset_folder_on_a_later_pass_after_removing_it_failed()
    {
        await using var app = await CoreHost.StartAsync(_folder.Path, services => services.AddSingleton<IMediaStorage>(sp =>
            new LocalDiskMediaStorage(sp.GetRequiredService<MediaAdminPaths>().StorageRoot, RemoveFolderFailingFirst)));
        var admin = await app.CreateUserAsync(RoleNames.Administrator);
        var asset = await app.AddAssetAsync(admin.Id);
        _folderFailuresLeft = 1;

        var result = await app.Deletion.DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), asset.Id);
        await app.WaitForNoPendingDeletionsAsync();

        Assert.Single(result.Deleted);
        await WaitUntilAsync(() => !Directory.Exists(Path.Combine(app.StorageRoot, "media", asset.Id)));
        Assert.Equal(0, _folderFailuresLeft);
    }

    private LocalDiskMediaStorage StorageFailingFolderRemovals(int failures)
    {
        _folderFailuresLeft = failures;
        return new LocalDiskMediaStorage(Root, RemoveFolderFailingFirst);
    }

    private void RemoveFolderFailingFirst(string folder)
    {
        if (Interlocked.Decrement(ref _folderFailuresLeft) >= 0)
        {
            throw new IOException($"simulated read-only moment removing {folder}");
        }

        Interlocked.Exchange(ref _folderFailuresLeft, 0);
        Directory.Delete(folder);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true in time");
            await Task.Delay(50);
        }
    }
}
