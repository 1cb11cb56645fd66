using MediaAdmin.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaAdmin.Web.Cdn;

/// <summary>
/// Serves stored files under /cdn/{key}: the origin a CDN pulls from, and what the console's
/// thumbnails load. Only keys that parse as <see cref="StorageKey"/> reach storage.
/// </summary>
internal static class CdnOriginEndpoints
{
    /// <summary>
    /// Governs only a document made from a stored file (one opened directly): no script, no plug-in, no
    /// same-origin access. The console's own &lt;video&gt; and &lt;img&gt; loading these files are not affected.
    /// </summary>
    private const string SandboxPolicy = "sandbox; default-src 'none'";

    public static IEndpointRouteBuilder MapCdnOrigin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/cdn/{**key}", ServeAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<Results<NotFound, FileStreamHttpResult>> ServeAsync(
        string key,
        IMediaStorage storage,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = SandboxPolicy;
        if (!StorageKey.TryParse(key, out var storageKey, out _))
        {
            return TypedResults.NotFound();
        }

        var stream = await storage.OpenReadAsync(storageKey, cancellationToken);
        if (stream is null)
        {
            return TypedResults.NotFound();
        }

        return CdnContentTypes.TryGetInline(key, out var contentType)
            ? TypedResults.Stream(stream, contentType, enableRangeProcessing: true)
            : TypedResults.Stream(stream, "application/octet-stream", fileDownloadName: Path.GetFileName(key), enableRangeProcessing: true);
    }
}
