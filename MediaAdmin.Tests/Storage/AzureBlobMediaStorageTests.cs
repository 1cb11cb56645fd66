using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using MediaAdmin.Core.Storage;
using MediaAdmin.Core.Storage.AzureBlob;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Storage;

/// <summary>The storage contract on a real Azurite, a fresh container per test, and what only blob storage has.</summary>
public sealed class AzureBlobMediaStorageTests(Azurite azurite) : MediaStorageContractTests, IClassFixture<Azurite>, IAsyncLifetime
{
    private BlobContainerClient _container = null!;
    private AzureBlobMediaStorage _storage = null!;

    protected override IMediaStorage Storage => _storage;

    public async Task InitializeAsync()
    {
        _container = await azurite.NewContainerAsync();
        _storage = new AzureBlobMediaStorage(_container) { BlockSize = BlockSize, ListPageSize = 3 };
    }

    public Task DisposeAsync() => _container.DeleteIfExistsAsync();

    [Fact]
    public async Task A_key_is_the_blob_name_itself()
    {
        await _storage.WriteAsync(StorageKey.Parse("media/abc/snapshots/00.png"), new MemoryStream([1]));

        Assert.Equal(["media/abc/snapshots/00.png"], await _container.GetBlobsAsync().Select(b => b.Name).ToListAsync());
    }

    [Fact]
    public async Task Blobs_whose_names_are_not_storage_keys_are_never_listed()
    {
        await _storage.WriteAsync(StorageKey.Parse("media/abc/x.mp4"), new MemoryStream([1]));
        foreach (var foreign in new[] { "media/abc/a b.mp4", "media/abc/視頻.mp4", "media/abc/x.mp4:stream" })
        {
            await _container.GetBlobClient(foreign).UploadAsync(new BinaryData([2]));
        }

        Assert.Equal(["media/abc/x.mp4"], await ListAsync("media/abc"));
    }

    [Fact]
    public async Task A_blob_the_service_refuses_to_remove_is_reported_by_key_and_the_others_are_removed()
    {
        var keys = Enumerable.Range(0, 20).Select(i => StorageKey.Parse($"media/leased/{i:00}.ts")).ToList();
        foreach (var key in keys)
        {
            await _storage.WriteAsync(key, new MemoryStream([1]));
        }

        await _container.GetBlobClient(keys[7].Value).GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(60));

        var failures = await _storage.DeleteManyAsync(keys);

        Assert.Equal([keys[7]], failures.Keys);
        Assert.IsType<RequestFailedException>(failures[keys[7]]);
        Assert.Equal([keys[7].Value], await ListAsync("media/leased"));
    }

    [Fact]
    public async Task An_unreachable_service_is_storage_unavailable_for_every_operation_so_callers_retry_later()
    {
        var unreachable = new AzureBlobMediaStorage(AzureBlobMediaStorage.CreateContainerClient(new AzureBlobStorageOptions
        {
            ConnectionString = azurite.ConnectionString.Replace($":{azurite.Port}/", $":{ClosedPort()}/", StringComparison.Ordinal),
            Container = _container.Name,
        }));
        var key = StorageKey.Parse("media/abc/x.mp4");

        await Assert.ThrowsAsync<StorageUnavailableException>(() => unreachable.WriteAsync(key, new MemoryStream([1])));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => unreachable.OpenReadAsync(key));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => unreachable.ExistsAsync(key));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => unreachable.DeleteManyAsync([key, StorageKey.Parse("media/abc/y.mp4")]));
        await Assert.ThrowsAsync<StorageUnavailableException>(async () => await unreachable.ListAsync("media").ToListAsync());
    }

    /// <summary>A port nothing listens on and no other server in this test run gets.</summary>
    private static int ClosedPort() => LoopbackPorts.Next();
}
