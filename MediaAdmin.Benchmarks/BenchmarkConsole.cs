using MediaAdmin.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Benchmarks;

/// <summary>The real console in this process, in Production, on a port the OS picks, without demo data or logging.</summary>
internal static class BenchmarkConsole
{
    public static async Task<WebApplication> StartAsync(string dataFolder, string contentRootPath, Action<WebApplicationBuilder>? configure = null)
    {
        var app = MediaAdminWebApp.Build(
            ["--urls", "http://127.0.0.1:0"],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["MediaAdmin:DataFolder"] = dataFolder,
                    ["Cdn:BaseUrl"] = "https://cdn.example.test/vod",
                    ["DemoSeeding:Enabled"] = "false",
                });
                builder.Logging.ClearProviders();
                builder.Services.AddSingleton<IHostLifetime, BenchmarkHostLifetime>();
                configure?.Invoke(builder);
            },
            contentRootPath,
            environmentName: "Production");
        await app.StartAsync();
        return app;
    }
}
