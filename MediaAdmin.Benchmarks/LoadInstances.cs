using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MediaAdmin.Tests.Support;
using MediaAdmin.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Benchmarks;

/// <summary>Two consoles on one data folder (one SQLite file, one storage folder), each with its API port; optionally a Redis they share.</summary>
internal sealed class LoadInstances : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];
    private Process? _redis;
    private IDisposable? _redisListed;

    public List<Uri> ApiAddresses { get; } = [];

    /// <summary>Both instances' own timing of each request.</summary>
    public LoadServerTimes ServerTimes { get; } = new();

    public IServiceProvider First => _apps[0].Services;

    public bool UsesRedis => _redis is not null;

    public static async Task<LoadInstances> StartAsync(string root, bool withRedis)
    {
        var instances = new LoadInstances();
        string? redis = null;
        if (withRedis)
        {
            redis = await instances.StartRedisAsync(root);
        }

        for (var i = 0; i < 2; i++)
        {
            await instances.StartConsoleAsync(Path.Combine(root, "data"), redis);
        }

        return instances;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (_redis is { HasExited: false })
        {
            _redis.Kill();
            await _redis.WaitForExitAsync();
        }

        _redis?.Dispose();
        _redisListed?.Dispose();
    }

    private async Task StartConsoleAsync(string dataFolder, string? redis)
    {
        var (consolePort, apiPort) = (LoopbackPorts.Next(), LoopbackPorts.Next());
        var app = MediaAdminWebApp.Build(
            ["--urls", $"http://127.0.0.1:{consolePort};http://127.0.0.1:{apiPort}"],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["MediaAdmin:DataFolder"] = dataFolder,
                    ["Cdn:BaseUrl"] = "https://cdn.example.test/vod",
                    ["DemoSeeding:Enabled"] = "false",
                    ["Api:Port"] = apiPort.ToString(CultureInfo.InvariantCulture),
                    ["Notifications:Redis"] = redis,
                });
                builder.Logging.ClearProviders();
                builder.Services.AddSingleton<IHostLifetime, BenchmarkHostLifetime>();
                builder.Services.AddSingleton<IStartupFilter>(ServerTimes);
            },
            contentRootPath: AppContext.BaseDirectory,
            environmentName: "Production");

        // One after the other: the first migrates the new database, the second finds it ready.
        await app.StartAsync();
        _apps.Add(app);
        ApiAddresses.Add(new Uri($"http://127.0.0.1:{apiPort}"));
    }

    private async Task<string> StartRedisAsync(string root)
    {
        var port = LoopbackPorts.Next();
        var folder = Directory.CreateDirectory(Path.Combine(root, "redis")).FullName;
        _redis = Process.Start(new ProcessStartInfo("/usr/bin/redis-server", ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        _redisListed = BenchmarkLeftovers.ChildProcess(_redis.Id);
        _redis.OutputDataReceived += (_, _) => { };
        _redis.BeginOutputReadLine();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return $"127.0.0.1:{port}";
            }
            catch (SocketException) when (attempt < 100 && !_redis.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }
}
