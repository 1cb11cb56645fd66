using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Storage;

/// <summary>A link planted inside storage leads nowhere: nothing is read, listed, written or deleted through one.</summary>
public sealed class SymbolicLinkTests : IDisposable
{
    private const string Secret = "SQLite format 3 - a database that must stay whole";

    private readonly TempFolder _folder = new();
    private readonly LocalDiskMediaStorage _storage;
    private readonly string _outside;

    public SymbolicLinkTests()
    {
        _storage = new LocalDiskMediaStorage(Path.Combine(_folder.Path, "root"));
        _outside = Path.Combine(_folder.Path, "outside");
        Directory.CreateDirectory(_outside);
        File.WriteAllText(SecretPath, Secret);
    }

    private string SecretPath => Path.Combine(_outside, "secret.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_file_link_inside_storage_is_neither_read_nor_listed_nor_reported_as_stored()
    {
        var key = PlantFileLink("media/a/leak.db");

        Assert.Null(await _storage.OpenReadAsync(key));
        Assert.False(await _storage.ExistsAsync(key));
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task A_folder_link_inside_storage_is_never_read_or_listed_through()
    {
        PlantFolderLink("media/b");
        var key = StorageKey.Parse("media/b/secret.db");

        Assert.Null(await _storage.OpenReadAsync(key));
        Assert.False(await _storage.ExistsAsync(key));
        Assert.Empty(await ListAsync());
        Assert.Empty(await ListAsync("media/b"));
    }

    [Fact]
    public async Task Deleting_through_a_folder_link_leaves_its_target_whole()
    {
        PlantFolderLink("media/b");
        var key = StorageKey.Parse("media/b/secret.db");

        await _storage.DeleteAsync(key);
        var failures = await _storage.DeleteManyAsync([key]);
        await _storage.PruneAsync();

        Assert.Empty(failures);
        Assert.Equal(Secret, await File.ReadAllTextAsync(SecretPath));
        Assert.NotNull(new DirectoryInfo(Path.Combine(_storage.RootPath, "media", "b")).LinkTarget);
    }

    [Fact]
    public async Task Deleting_a_file_link_removes_the_link_and_never_its_target()
    {
        var key = PlantFileLink("media/a/leak.db");
        var second = PlantFileLink("media/c/leak.db");

        await _storage.DeleteAsync(key);
        Assert.Empty(await _storage.DeleteManyAsync([second]));

        Assert.False(Path.Exists(_storage.PathOf(key)));
        Assert.False(Path.Exists(_storage.PathOf(second)));
        Assert.Equal(Secret, await File.ReadAllTextAsync(SecretPath));
    }

    [Fact]
    public async Task Writing_through_a_folder_link_is_refused_and_creates_nothing_outside()
    {
        PlantFolderLink("media/b");

        var direct = await Assert.ThrowsAsync<IOException>(() => _storage.WriteAsync(StorageKey.Parse("media/b/new.mp4"), new MemoryStream([1])));
        await Assert.ThrowsAsync<IOException>(() => _storage.WriteAsync(StorageKey.Parse("media/b/deeper/new.mp4"), new MemoryStream([1])));

        Assert.Contains("symbolic link", direct.Message, StringComparison.Ordinal);
        Assert.Equal([SecretPath], Directory.EnumerateFileSystemEntries(_outside));
        Assert.Equal(Secret, await File.ReadAllTextAsync(SecretPath));
    }

    [Fact]
    public async Task A_key_that_names_a_folder_reads_as_no_file()
    {
        await _storage.WriteAsync(StorageKey.Parse("media/c/streams/hd.mp4"), new MemoryStream([1, 2]));
        var folder = StorageKey.Parse("media/c/streams");

        Assert.Null(await _storage.OpenReadAsync(folder));
        Assert.False(await _storage.ExistsAsync(folder));
    }

    private StorageKey PlantFileLink(string key)
    {
        var storageKey = StorageKey.Parse(key);
        var path = _storage.PathOf(storageKey);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, SecretPath);
        return storageKey;
    }

    private void PlantFolderLink(string key)
    {
        var path = _storage.PathOf(StorageKey.Parse(key));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Directory.CreateSymbolicLink(path, _outside);
    }

    private async Task<List<string>> ListAsync(string prefix = "")
    {
        var keys = new List<string>();
        await foreach (var key in _storage.ListAsync(prefix))
        {
            keys.Add(key.Value);
        }

        return keys;
    }
}
