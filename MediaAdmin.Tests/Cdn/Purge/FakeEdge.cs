using System.Collections.Concurrent;
using MediaAdmin.Core.Cdn.UrlAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Tests.Cdn.Purge;

/// <summary>
/// A stand-in edge on Kestrel at 127.0.0.1: answers PURGE and BAN with <see cref="PurgeStatus"/> and records
/// them, and answers HEAD/GET of any other URL with <see cref="ServeStatus"/> (what the public URL still says).
/// For Core tests that need an edge's answers, not a cache; the Varnish tests use the real one.
/// </summary>
public sealed class FakeEdge : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeEdge(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Every PURGE and BAN received: method, Host header, path, X-Ban-Prefix.</summary>
    public ConcurrentQueue<(string Method, string Host, string Path, string? BanPrefix)> Purges { get; } = new();

    public int PurgeStatus { get; set; } = 200;

    public int ServeStatus { get; set; } = 404;

    /// <summary>When set, the edge checks URL authentication as an Alibaba CDN domain with the same key: unsigned or badly signed URLs are 403.</summary>
    public CdnUrlSigner? UrlAuth { get; set; }

    public int Probes => _probes;

    /// <summary>When set, runs before the edge answers a probe: a test's way to act while a probe step is under way.</summary>
    public Func<Task>? WhileProbing { get; set; }

    private int _probes;

    public static async Task<FakeEdge> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeEdge? edge = null;
        app.Run(context => edge!.AnswerAsync(context));
        await app.StartAsync();
        edge = new FakeEdge(app, new Uri(app.Urls.First()));
        return edge;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Method is "PURGE" or "BAN")
        {
            Purges.Enqueue((request.Method, request.Host.Value ?? "", request.Path.Value ?? "", request.Headers["X-Ban-Prefix"].FirstOrDefault()));
            context.Response.StatusCode = PurgeStatus;
        }
        else
        {
            Interlocked.Increment(ref _probes);
            if (WhileProbing is { } whileProbing)
            {
                await whileProbing();
            }

            var signed = UrlAuth?.Validate(request.Path.Value ?? "", request.Query[TypeAAuthKey.ParameterName].FirstOrDefault()).IsSuccess ?? true;
            context.Response.StatusCode = signed ? ServeStatus : StatusCodes.Status403Forbidden;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
