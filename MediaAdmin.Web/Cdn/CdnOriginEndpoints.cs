using MediaAdmin.Core.Storage;
using Microsoft.AspNetCore.StaticFiles;

namespace MediaAdmin.Web.Hosting;

/// <summary>
/// Serves stored files under /cdn/{key}: the origin a CDN pulls from, and what the console's
/// thumbnails load. Only keys that parse as <see cref="StorageKey"/> reach storage.
/// </summary>
internal static class CdnOriginEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapCdnOrigin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/cdn/{**key}", async (string key, IMediaStorage storage, CancellationToken cancellationToken) =>
        {
            if (!StorageKey.TryParse(key, out var storageKey, out _))
            {
                return Results.NotFound();
            }

            var stream = await storage.OpenReadAsync(storageKey, cancellationToken);
            if (stream is null)
            {
                return Results.NotFound();
            }

            var contentType = ContentTypes.TryGetContentType(key, out var type) ? type : "application/octet-stream";
            return Results.Stream(stream, contentType, enableRangeProcessing: true);
        }).AllowAnonymous();
        return endpoints;
    }
}
