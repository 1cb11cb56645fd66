using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using MediaAdmin.Core.Sources;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MediaAdmin.Web.Security;

/// <summary>
/// Browser hardening for the console's responses: no MIME sniffing, no full URL in the Referer sent
/// elsewhere, and a Content-Security-Policy under which only the console's own scripts run. Blazor Server
/// needs its WebSocket (connect-src), MudBlazor sets inline styles (style-src 'unsafe-inline'), and the one
/// inline script, the import map, is allowed by its hash; images may come from any https origin only when the console
/// fronts an ApsaraVideo VOD library (its covers live on Alibaba's CDN); hls.js plays through MediaSource, whose URLs are
/// blob: (media-src). A header a response already has is left alone, so a stricter policy of its own (the
/// stored-file origin's) wins.
/// </summary>
internal static class ConsoleSecurityHeaders
{
    private const string ScriptSources = "default-src 'self'; script-src 'self'";

    private const string OtherSources =
        "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self' data:; " +
        "connect-src 'self' ws: wss:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static readonly string RemoteLibrarySources = OtherSources.Replace("img-src 'self' data: blob:;", "img-src 'self' data: blob: https:;", StringComparison.Ordinal);

    // The import map is the same for every request to an endpoint: hash it once per map.
    private static readonly ConditionalWeakTable<ImportMapDefinition, string> ImportMapSources = [];

    public static IApplicationBuilder UseConsoleSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // At the response's start the endpoint is known, also one a status code page re-executed to.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.TryAdd(HeaderNames.XContentTypeOptions, "nosniff");
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
                {
                    var remoteLibrary = context.RequestServices.GetRequiredService<IOptions<LibrarySourceOptions>>().Value.IsAlibabaVod;
                    headers.ContentSecurityPolicy = ScriptSources + ImportMapSource(context) + (remoteLibrary ? RemoteLibrarySources : OtherSources);
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

    private static string ImportMapSource(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>() is { } map
            ? ImportMapSources.GetValue(map, m => $" 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.ToString())))}'")
            : string.Empty;
}
