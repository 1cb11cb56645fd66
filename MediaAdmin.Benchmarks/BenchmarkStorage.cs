using MediaAdmin.Tests.Support;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// The storage a benchmark runs against, chosen with <c>--storage NAME</c>: <c>local</c> (each host's own folder),
/// <c>azurite</c> (Azure Blob Storage on an Azurite started here on a free loopback port, holding its data in memory,
/// a container per host, stopped on dispose) or <c>azurite-sql</c> (the same, with Azurite's blob metadata in a MariaDB
/// started here and its content in a temp folder: its default store's Delete Blob grows with every blob it holds).
/// </summary>
internal sealed class BenchmarkStorage : IAsyncDisposable
{
    private static readonly string[] Kinds = ["local", "azurite", "azurite-sql"];

    private readonly AzuriteProcess? _azurite;
    private readonly MariaDbProcess? _mariaDb;
    private readonly string? _folder;
    private readonly List<IDisposable> _listed = [];

    private BenchmarkStorage(string name, AzuriteProcess? azurite = null, MariaDbProcess? mariaDb = null, string? folder = null)
    {
        Name = name;
        _azurite = azurite;
        _mariaDb = mariaDb;
        _folder = folder;
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
                var storage = new BenchmarkStorage(name, azurite);
                await azurite.StartAsync();
                storage._listed.Add(BenchmarkLeftovers.ChildProcess(azurite.ProcessId!.Value));
                return storage;
            case "azurite-sql":
                return await StartAzuriteOnMariaDbAsync(name);
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
        try
        {
            if (_azurite is not null)
            {
                await _azurite.StopAsync();
            }

            if (_mariaDb is not null)
            {
                await _mariaDb.DisposeAsync();
            }

            if (_folder is not null && Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
        finally
        {
            // Unlisted however the stop went: a listed process ID that outlived its process could name another one later.
            _listed.ForEach(listed => listed.Dispose());
        }
    }

    private static async Task<BenchmarkStorage?> StartAzuriteOnMariaDbAsync(string name)
    {
        if (!MariaDbProcess.IsInstalled)
        {
            await Console.Error.WriteLineAsync($"--storage {name} needs MariaDB ({MariaDbProcess.Server} is missing): apt-get install -y mariadb-server");
            return null;
        }

        var folder = Path.Combine(Path.GetTempPath(), "mediaadmin-azurite-sql-" + Guid.NewGuid().ToString("N"));
        var mariaDb = new MariaDbProcess(Path.Combine(folder, "mariadb"));
        var azurite = new AzuriteProcess(Path.Combine(folder, "azurite"), new Dictionary<string, string> { ["AZURITE_DB"] = mariaDb.AzuriteDb });
        var storage = new BenchmarkStorage(name, azurite, mariaDb, folder);
        storage._listed.Add(BenchmarkLeftovers.Folder(folder));
        try
        {
            Console.WriteLine($"starting MariaDB on 127.0.0.1:{mariaDb.Port} and Azurite {AzuriteProcess.Version} on 127.0.0.1:{azurite.Port} with its metadata there, in {folder}");
            await mariaDb.StartAsync();
            await azurite.StartAsync();
            storage._listed.Add(BenchmarkLeftovers.ChildProcess(azurite.ProcessId!.Value));
            return storage;
        }
        catch
        {
            await storage.DisposeAsync();
            throw;
        }
    }
}
