using System.Net;
using System.Text.Json;
using MediaAdmin.Tests.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Benchmarks;

/// <summary>
/// ApsaraVideo VOD's SearchMedia on Kestrel at 127.0.0.1 (the tests' <see cref="VodCatalog"/> over a generated
/// library), in this process, so the benchmark measures MediaAdmin's side and the rate it keeps to.
/// </summary>
internal sealed class CatalogStandIn : IAsyncDisposable
{
    /// <summary>Alibaba writes its field names as declared (PascalCase), not in the web default camelCase.</summary>
    private static readonly JsonSerializerOptions AlibabaJson = new();

    private readonly WebApplication _app;

    private CatalogStandIn(WebApplication app, VodCatalog catalog)
    {
        _app = app;
        Catalog = catalog;
    }

    public VodCatalog Catalog { get; }

    public Uri Endpoint => new(_app.Urls.First());

    public static async Task<CatalogStandIn> StartAsync(int assets)
    {
        var catalog = new VodCatalog(new GeneratedCatalog(assets));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, BenchmarkHostLifetime>();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/", async (HttpRequest request) =>
        {
            var parameters = request.Query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
            foreach (var (name, value) in await request.ReadFormAsync())
            {
                parameters[name] = value.ToString();
            }

            var (status, body) = parameters.GetValueOrDefault("Action") == "SearchMedia"
                ? catalog.SearchMedia(parameters)
                : (404, new { Code = "InvalidAction.NotFound", Message = "The stand-in answers SearchMedia only." });
            return Results.Json(body, AlibabaJson, statusCode: status);
        });
        await app.StartAsync();
        return new CatalogStandIn(app, catalog);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
