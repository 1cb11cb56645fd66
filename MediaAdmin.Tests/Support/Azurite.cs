using Azure.Storage.Blobs;

namespace MediaAdmin.Tests.Support;

/// <summary>
/// A real Azurite blob service (<see cref="AzuriteProcess"/>) with its data in a temp folder; one per test class
/// (a class fixture), stopped with its process tree on dispose.
/// </summary>
public sealed class Azurite : IAsyncLifetime
{
    private readonly TempFolder _location = new();
    private readonly AzuriteProcess _process;
    private int _containers;

    public Azurite() => _process = new AzuriteProcess(_location.Path);

    public int Port => _process.Port;

    public string ConnectionString => _process.ConnectionString;

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        _location.Dispose();
    }

    /// <summary>The settings that make a host keep its files in <paramref name="container"/> of this Azurite.</summary>
    public Dictionary<string, string?> Settings(string container) => new()
    {
        ["Storage:Provider"] = "AzureBlob",
        ["Storage:AzureBlob:ConnectionString"] = ConnectionString,
        ["Storage:AzureBlob:Container"] = container,
    };

    /// <summary>A fresh, empty container for one test; its name is a valid container name unique in this Azurite.</summary>
    public async Task<BlobContainerClient> NewContainerAsync()
    {
        var container = new BlobContainerClient(ConnectionString, NewContainerName());
        await container.CreateAsync();
        return container;
    }

    /// <summary>A name no container in this Azurite has yet (not created).</summary>
    public string NewContainerName() => $"test-{Interlocked.Increment(ref _containers)}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Starts Azurite unless it runs, keeping what an earlier start stored, and waits until it answers.</summary>
    public Task StartAsync() => _process.StartAsync();

    /// <summary>Stops Azurite; what it stored stays for a later <see cref="StartAsync"/>.</summary>
    public Task StopAsync() => _process.StopAsync();
}
