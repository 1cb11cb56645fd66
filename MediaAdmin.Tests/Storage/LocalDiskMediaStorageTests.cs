using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Storage;

public sealed class LocalDiskMediaStorageTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LocalDiskMediaStorage _storage;

    public LocalDiskMediaStorageTests() => _storage = new LocalDiskMediaStorage(Path.Combine(_folder.Path, "root"));

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../escape.txt")]
    [InlineData("media/../../escape.txt")]
    [InlineData("media/./x.mp4")]
    [InlineData("/etc/passwd")]
    [InlineData("media//x.mp4")]
    [InlineData("media\\..\\x.mp4")]
    [InlineData("C:/windows/x")]
    [InlineData("media/x\0.mp4")]
    [InlineData("media/視頻.mp4")]
    [InlineData("media/a b.mp4")]
    [InlineData("media/x.mp4/")]
    public void Keys_that_could_leave_the_root_or_are_malformed_do_not_parse(string candidate)
    {
        Assert.False(StorageKey.TryParse(candidate, out _, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void An_overlong_key_is_refused_with_its_limit_named()
    {
        Assert.False(StorageKey.TryParse(new string('a', StorageKey.MaxLength + 1), out _, out var problem));
        Assert.Contains("512", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_written_can_be_read_listed_and_deleted_and_its_empty_folders_go_with_it()
    {
        var key = StorageKey.Parse("media/abc/streams/hd.mp4");
        await _storage.WriteAsync(key, new MemoryStream([1, 2, 3]));

        await using (var read = await _storage.OpenReadAsync(key))
        {
            var buffer = new MemoryStream();
            await read!.CopyToAsync(buffer);
            Assert.Equal([1, 2, 3], buffer.ToArray());
        }

        Assert.Equal(["media/abc/streams/hd.mp4"], await ListAsync());
        await _storage.DeleteAsync(key);
        Assert.False(await _storage.ExistsAsync(key));
        Assert.False(Directory.Exists(Path.Combine(_storage.RootPath, "media")));
        Assert.True(Directory.Exists(_storage.RootPath));
    }

    [Fact]
    public async Task Deleting_a_file_that_is_already_gone_succeeds()
    {
        await _storage.DeleteAsync(StorageKey.Parse("media/never/was.mp4"));
        Assert.Null(await _storage.OpenReadAsync(StorageKey.Parse("media/never/was.mp4")));
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

    private async Task<List<string>> ListAsync()
    {
        var keys = new List<string>();
        await foreach (var key in _storage.ListAsync())
        {
            keys.Add(key.Value);
        }

        return keys;
    }
}
