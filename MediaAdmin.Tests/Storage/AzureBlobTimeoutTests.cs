using System.Net;
using System.Net.Sockets;
using Azure.Core;
using Azure.Storage.Blobs;
using MediaAdmin.Core.Storage;
using MediaAdmin.Core.Storage.AzureBlob;

namespace MediaAdmin.Tests.Storage;

/// <summary>
/// A blob service that takes requests and never answers (overloaded, or a network that drops replies): once the
/// client's tries time out, the worker must see storage as unavailable and retry later, not fail its round.
/// </summary>
public sealed class AzureBlobTimeoutTests : IDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // Connections complete in the listen backlog and are never read: every request waits for an answer.
    private readonly TcpListener _silent = new(IPAddress.Loopback, 0);

    public AzureBlobTimeoutTests() => _silent.Start();

    public void Dispose() => _silent.Dispose();

    [Fact]
    public async Task A_delete_whose_tries_all_time_out_is_reported_as_storage_unavailable()
    {
        var storage = new AzureBlobMediaStorage(SilentContainer());

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.DeleteAsync(StorageKey.Parse("media/a/source/clip.mp4")));

        Assert.Contains("could not be reached or failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_delete_whose_tries_time_out_stops_as_storage_unavailable()
    {
        var storage = new AzureBlobMediaStorage(SilentContainer(), deleteConcurrency: 2);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.DeleteManyAsync([StorageKey.Parse("media/a/1.jpg"), StorageKey.Parse("media/a/2.jpg")]));
    }

    private BlobContainerClient SilentContainer()
    {
        var options = new BlobClientOptions();
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.NetworkTimeout = TimeSpan.FromMilliseconds(300);
        var port = ((IPEndPoint)_silent.LocalEndpoint).Port;
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        return new BlobContainerClient(connection, "silent", options);
    }
}
