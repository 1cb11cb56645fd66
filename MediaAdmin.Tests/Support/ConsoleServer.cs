using System.Net;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Storage;
using MediaAdmin.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Tests.Support;

/// <summary>The real console on Kestrel at 127.0.0.1 on a free port, on a temp data folder; stopped on dispose.</summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ConsoleServer(WebApplication app, Uri baseAddress, Uri apiAddress, string dataFolder)
    {
        _app = app;
        BaseAddress = baseAddress;
        ApiAddress = apiAddress;
        DataFolder = dataFolder;
    }

    public Uri BaseAddress { get; }

    /// <summary>The VOD RPC API's own listener.</summary>
    public Uri ApiAddress { get; }

    public string DataFolder { get; }

    public IServiceProvider Services => _app.Services;

    public static string WebProjectFolder { get; } = FindWebProjectFolder();

    /// <summary>Starts the console on <paramref name="ports"/> (by default two free ones) with the test defaults and <paramref name="settings"/>.</summary>
    public static async Task<ConsoleServer> StartAsync(
        string dataFolder, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null, ConsolePorts? ports = null)
    {
        var (consolePort, apiPort) = ports ?? ConsolePorts.Free();
        var app = MediaAdminWebApp.Build(
            ["--urls", $"http://127.0.0.1:{consolePort};http://127.0.0.1:{apiPort}"],
            builder =>
            {
                RetryingLikeSqlServer.Configure(builder.Services);
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["MediaAdmin:DataFolder"] = dataFolder,
                    ["Cdn:BaseUrl"] = "https://cdn.example.test/vod",
                    ["Deletion:WorkerPollInterval"] = "00:00:00.200",
                    ["Deletion:FreshRecordGrace"] = "00:00:00",
                    ["DemoSeeding:Enabled"] = "false",
                    ["Api:Port"] = apiPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
                if (settings is not null)
                {
                    builder.Configuration.AddInMemoryCollection(settings);
                }

                builder.Logging.ClearProviders();
                if (Environment.GetEnvironmentVariable("MEDIAADMIN_TEST_LOGS") == "1")
                {
                    builder.Logging.AddSimpleConsole();
                }

                // Build output, not a publish: package assets (MudBlazor's) are found through the runtime manifest.
                builder.WebHost.UseStaticWebAssets();
                CoreHost.HashPasswordsCheaply(builder.Services);
                configure?.Invoke(builder);
            },
            contentRootPath: WebProjectFolder,
            environmentName: "Production");
        await app.StartAsync();
        return new ConsoleServer(app, new Uri($"http://127.0.0.1:{consolePort}"), new Uri($"http://127.0.0.1:{apiPort}"), dataFolder);
    }

    public HttpClient CreateClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = BaseAddress,
        };

    /// <summary>Signs in through the real login form (antiforgery included) and returns the response to the POST.</summary>
    public static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password) =>
        LoginForm.PostAsync(client, email, password);

    public async Task<MediaUser> CreateUserAsync(string role, string password = "Test-Password-1", string? email = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountProvisioning>()
            .CreateAsync(email ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}@test.local", role, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.User!;
    }

    /// <summary>
    /// The keys still in storage once the removal worker had up to 10 seconds to remove them: a deletion answers at
    /// its commit and removes the files in the background, so a test looks until they are gone rather than once.
    /// </summary>
    public async Task<List<string>> StoredAfterRemovalAsync(IEnumerable<string> storageKeys)
    {
        var storage = Services.GetRequiredService<IMediaStorage>();
        var keys = storageKeys.ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var stored = new List<string>();
            foreach (var key in keys)
            {
                if (await storage.ExistsAsync(StorageKey.Parse(key)))
                {
                    stored.Add(key);
                }
            }

            if (stored.Count == 0 || DateTime.UtcNow >= deadline)
            {
                return stored;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    public async Task<T> WithUsersAsync<T>(Func<UserManager<MediaUser>, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<MediaUser>>());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static string FindWebProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "MediaAdmin.Web");
            if (File.Exists(Path.Combine(candidate, "MediaAdmin.Web.csproj")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("MediaAdmin.Web was not found above the test output folder.");
    }
}
