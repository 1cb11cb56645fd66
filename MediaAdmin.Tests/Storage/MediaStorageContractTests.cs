using MediaAdmin.Core.Storage;

namespace MediaAdmin.Tests.Storage;

/// <summary>
/// The <see cref="IMediaStorage"/> contract every provider keeps; a subclass per provider runs these on a real store.
/// Files are larger than <see cref="BlockSize"/> where it matters, so a blob write spans several staged blocks.
/// </summary>
public abstract class MediaStorageContractTests
{
    /// <summary>The block size a provider that uploads in blocks is given by its subclass.</summary>
    protected const int BlockSize = 1024;

    protected abstract IMediaStorage Storage { get; }

    [Fact]
    public async Task A_file_written_can_be_read_back_listed_and_deleted()
    {
        var key = StorageKey.Parse("media/abc/streams/hd.mp4");
        var content = Content(3 * BlockSize + 17);
        await Storage.WriteAsync(key, new MemoryStream(content));

        Assert.Equal(content, await ReadAsync(key));
        Assert.True(await Storage.ExistsAsync(key));
        Assert.Equal(["media/abc/streams/hd.mp4"], await ListAsync());

        await Storage.DeleteAsync(key);
        Assert.False(await Storage.ExistsAsync(key));
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task An_empty_file_is_stored_and_read_back_empty()
    {
        var key = StorageKey.Parse("media/abc/empty.vtt");
        await Storage.WriteAsync(key, new MemoryStream());

        Assert.True(await Storage.ExistsAsync(key));
        Assert.Empty(await ReadAsync(key));
    }

    [Fact]
    public async Task A_read_stream_knows_its_length_and_seeks_as_a_range_request_needs()
    {
        var key = StorageKey.Parse("media/abc/streams/sd.mp4");
        var content = Content(2 * BlockSize + 500);
        await Storage.WriteAsync(key, new MemoryStream(content));

        await using var stream = await Storage.OpenReadAsync(key);
        Assert.NotNull(stream);
        Assert.True(stream.CanSeek);
        Assert.Equal(content.Length, stream.Length);
        stream.Seek(BlockSize + 10, SeekOrigin.Begin);
        var range = new byte[20];
        await stream.ReadExactlyAsync(range);
        Assert.Equal(content.AsSpan(BlockSize + 10, 20).ToArray(), range);
    }

    [Fact]
    public async Task A_key_with_no_file_reads_as_null_and_does_not_exist()
    {
        var key = StorageKey.Parse("media/never/was.mp4");

        Assert.Null(await Storage.OpenReadAsync(key));
        Assert.False(await Storage.ExistsAsync(key));
    }

    [Fact]
    public async Task Deleting_a_file_that_is_already_gone_succeeds()
    {
        await Storage.DeleteAsync(StorageKey.Parse("media/never/was.mp4"));

        Assert.Empty(await Storage.DeleteManyAsync([StorageKey.Parse("media/never/was.mp4"), StorageKey.Parse("media/never/either.png")]));
    }

    [Fact]
    public async Task Writing_a_key_again_replaces_its_content()
    {
        var key = StorageKey.Parse("media/abc/hls/index.m3u8");
        await Storage.WriteAsync(key, new MemoryStream(Content(3 * BlockSize)));
        await Storage.WriteAsync(key, new MemoryStream([7, 8, 9]));

        Assert.Equal([7, 8, 9], await ReadAsync(key));
    }

    [Fact]
    public async Task A_write_that_fails_half_way_leaves_nothing_under_its_key()
    {
        var key = StorageKey.Parse("media/abc/source/source.mp4");

        await Assert.ThrowsAsync<IOException>(() => Storage.WriteAsync(key, new FailingStream(Content(5 * BlockSize), failAfter: 3 * BlockSize)));

        Assert.False(await Storage.ExistsAsync(key));
        Assert.Null(await Storage.OpenReadAsync(key));
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task A_write_that_fails_half_way_leaves_the_earlier_content_in_place()
    {
        var key = StorageKey.Parse("media/abc/source/source.mp4");
        var earlier = Content(2 * BlockSize + 3);
        await Storage.WriteAsync(key, new MemoryStream(earlier));

        await Assert.ThrowsAsync<IOException>(() => Storage.WriteAsync(key, new FailingStream(Content(5 * BlockSize, seed: 9), failAfter: 4 * BlockSize)));

        Assert.Equal(earlier, await ReadAsync(key));
        Assert.Equal([key.Value], await ListAsync());
    }

    [Fact]
    public async Task A_write_cancelled_half_way_leaves_nothing_under_its_key()
    {
        var key = StorageKey.Parse("media/abc/streams/fhd.mp4");
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Storage.WriteAsync(key, new FailingStream(Content(5 * BlockSize), failAfter: 2 * BlockSize, cancel), cancel.Token));

        Assert.False(await Storage.ExistsAsync(key));
        Assert.Empty(await ListAsync());
    }

    [Fact]
    public async Task Listing_a_prefix_lists_only_the_keys_under_its_whole_segments()
    {
        foreach (var name in new[] { "media/a/x.mp4", "media/a/hls/0.ts", "media/ab/y.mp4", "media/a.mp4", "other/a/z.mp4" })
        {
            await Storage.WriteAsync(StorageKey.Parse(name), new MemoryStream([1]));
        }

        Assert.Equal(["media/a/hls/0.ts", "media/a/x.mp4"], await ListAsync("media/a"));
        Assert.Equal(["media/a/hls/0.ts", "media/a/x.mp4"], await ListAsync("media/a/"));
        Assert.Equal(["media/ab/y.mp4"], await ListAsync("media/ab"));
        Assert.Empty(await ListAsync("media/a/x"));
        Assert.Equal(5, (await ListAsync()).Count);
    }

    [Theory]
    [InlineData("../")]
    [InlineData("media/../../")]
    [InlineData("media/a/../../../outside")]
    [InlineData("/etc/")]
    [InlineData("media\\..\\..\\")]
    [InlineData("media/./a/")]
    [InlineData("media/%2e%2e/")]
    public async Task A_listing_prefix_that_would_leave_its_folder_is_refused_before_the_store_is_asked(string prefix)
    {
        await Storage.WriteAsync(StorageKey.Parse("media/a/x.mp4"), new MemoryStream([1]));

        await Assert.ThrowsAsync<ArgumentException>(() => ListAsync(prefix));

        Assert.Equal(["media/a/x.mp4"], await ListAsync());
    }

    [Fact]
    public async Task Listing_returns_every_key_however_many_pages_it_takes()
    {
        var names = Enumerable.Range(0, 11).Select(i => $"media/many/{i:00}.ts").ToList();
        foreach (var name in names)
        {
            await Storage.WriteAsync(StorageKey.Parse(name), new MemoryStream([1]));
        }

        Assert.Equal(names, await ListAsync("media/many"));
    }

    [Fact]
    public async Task Deleting_many_removes_every_file_and_counts_those_already_gone_as_removed()
    {
        var keys = Enumerable.Range(0, 40).Select(i => StorageKey.Parse($"media/batch/hls/{i:000}.ts")).ToList();
        foreach (var key in keys)
        {
            await Storage.WriteAsync(key, new MemoryStream([1, 2]));
        }

        await Storage.WriteAsync(StorageKey.Parse("media/batchmate/keep.mp4"), new MemoryStream([3]));

        var failures = await Storage.DeleteManyAsync([.. keys, StorageKey.Parse("media/batch/never.ts"), keys[0]]);

        Assert.Empty(failures);
        Assert.Empty(await ListAsync("media/batch"));
        Assert.Equal(["media/batchmate/keep.mp4"], await ListAsync());
    }

    protected static byte[] Content(int length, int seed = 1) =>
        [.. Enumerable.Range(0, length).Select(i => (byte)((i * 31) + seed))];

    protected async Task<byte[]> ReadAsync(StorageKey key)
    {
        await using var stream = await Storage.OpenReadAsync(key);
        Assert.NotNull(stream);
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    protected async Task<List<string>> ListAsync(string prefix = "")
    {
        var keys = new List<string>();
        await foreach (var key in Storage.ListAsync(prefix))
        {
            keys.Add(key.Value);
        }

        return [.. keys.Order(StringComparer.Ordinal)];
    }
}
