using MediaAdmin.Tests.Support;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// The storage a benchmark runs against, chosen with <c>--storage NAME</c>: <c>local</c> (each host's own folder) or
/// <c>azurite</c> (Azure Blob Storage on an Azurite started here on a free loopback port, holding its data in memory,
/// a container per host, stopped on dispose).
/// </summary>
internal sealed class BenchmarkStorage : IAsyncDisposable
{
    private static readonly string[] Kinds = ["local", "azurite"];

    private readonly AzuriteProcess? _azurite;

    private BenchmarkStorage(string name, AzuriteProcess? azurite = null)
    {
        Name = name;
        _azurite = azurite;
    }

    public string Name { get; }

    /// <summary>The storage named by <c>--storage</c> (local when absent), or null with the reason written to stderr.</summary>
    public static async Task<BenchmarkStorage?> StartAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--storage");
        var name = at >= 0 && at + 1 < args.Length ? args[at + 1] : "local";
        switch (name)
        {
            case "local":
                return new BenchmarkStorage(name);
            case "azurite":
                var azurite = new AzuriteProcess(location: null);
                Console.WriteLine($"starting Azurite {AzuriteProcess.Version} on 127.0.0.1:{azurite.Port} (installed with npm into {AzuriteProcess.Folder} when missing)");
                await azurite.StartAsync();
                return new BenchmarkStorage(name, azurite);
            default:
                await Console.Error.WriteLineAsync($"unknown --storage '{name}'; known: {string.Join(", ", Kinds)}");
                return null;
        }
    }

    /// <summary>Configuration for the host named <paramref name="host"/>; on blob storage each host gets a container of that name.</summary>
    public IReadOnlyDictionary<string, string?> SettingsFor(string host) => _azurite is null
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:AzureBlob:ConnectionString"] = _azurite.ConnectionString,
            ["Storage:AzureBlob:Container"] = host,
        };

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.StopAsync();
        }
    }
}
