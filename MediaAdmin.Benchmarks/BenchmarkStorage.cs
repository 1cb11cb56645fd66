namespace MediaAdmin.Benchmarks;

/// <summary>
/// The storage a benchmark runs against, chosen with <c>--storage NAME</c>: the settings a host needs for it.
/// Only the local disk exists so far; a provider that needs a server (Azurite for Azure Blob) starts it in
/// <see cref="StartAsync"/> and stops it on dispose.
/// </summary>
internal sealed class BenchmarkStorage : IAsyncDisposable
{
    private static readonly string[] Kinds = ["local"];

    private BenchmarkStorage(string name, IReadOnlyDictionary<string, string?> settings)
    {
        Name = name;
        Settings = settings;
    }

    public string Name { get; }

    /// <summary>Configuration every host of the run gets.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The storage named by <c>--storage</c> (local when absent), or null with the reason written to stderr.</summary>
    public static async Task<BenchmarkStorage?> StartAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--storage");
        var name = at >= 0 && at + 1 < args.Length ? args[at + 1] : "local";
        if (name == "local")
        {
            return new BenchmarkStorage(name, new Dictionary<string, string?>());
        }

        await Console.Error.WriteLineAsync($"unknown --storage '{name}'; known: {string.Join(", ", Kinds)}");
        return null;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
