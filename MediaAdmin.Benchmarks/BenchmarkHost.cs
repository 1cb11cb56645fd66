using MediaAdmin.Core;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Permissions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Benchmarks;

/// <summary>Core as the console runs it (embedded SQLite, local disk) on a folder of its own.</summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchmarkHost(IHost host, string folder)
    {
        _host = host;
        Folder = folder;
    }

    public string Folder { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>Starts Core on <paramref name="folder"/>; <paramref name="settings"/> add to or override the defaults (e.g. another storage).</summary>
    public static async Task<BenchmarkHost> StartAsync(string folder, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(folder);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = folder, EnvironmentName = "Benchmark" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MediaAdmin:DataFolder"] = folder,
            ["Cdn:BaseUrl"] = "https://cdn.example.test/vod",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, BenchmarkHostLifetime>();
        builder.Services.AddMediaAdminCore(builder.Configuration, folder);
        var host = builder.Build();
        await host.StartAsync();
        return new BenchmarkHost(host, folder);
    }

    /// <summary>An administrator to delete as; returns its user ID.</summary>
    public async Task<string> CreateAdministratorAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountProvisioning>().CreateAsync("bench@example.com", RoleNames.Administrator);
        return result.User?.Id ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

internal static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static int Rounds(string[] args, int fallback)
    {
        var at = Array.IndexOf(args, "--rounds");
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var rounds) && rounds > 0 ? rounds : fallback;
    }
}
