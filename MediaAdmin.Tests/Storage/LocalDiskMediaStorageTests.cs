using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Storage;

/// <summary>The storage contract on a real folder, and what only a disk has: folders, and files beside the root.</summary>
public sealed class LocalDiskMediaStorageTests : MediaStorageContractTests, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LocalDiskMediaStorage _storage;

    public LocalDiskMediaStorageTests() => _storage = new LocalDiskMediaStorage(Path.Combine(_folder.Path, "root"));

    protected override IMediaStorage Storage => _storage;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Deleting_a_file_takes_its_emptied_folders_with_it_but_never_the_root()
    {
        var key = StorageKey.Parse("media/abc/streams/hd.mp4");
        await _storage.WriteAsync(key, new MemoryStream([1, 2, 3]));

        await _storage.DeleteAsync(key);

        Assert.False(Directory.Exists(Path.Combine(_storage.RootPath, "media")));
        Assert.True(Directory.Exists(_storage.RootPath));
    }

    [Fact]
    public async Task Deleting_never_touches_files_beside_the_root()
    {
        var beside = Path.Combine(_folder.Path, "root-sibling.txt");
        await File.WriteAllTextAsync(beside, "keep");

        Assert.Throws<ArgumentException>(() => _storage.PathOf(default));
        Assert.False(StorageKey.TryParse("../root-sibling.txt", out _, out _));
        await _storage.DeleteAsync(StorageKey.Parse("root-sibling.txt"));

        Assert.Equal("keep", await File.ReadAllTextAsync(beside));
    }
}
