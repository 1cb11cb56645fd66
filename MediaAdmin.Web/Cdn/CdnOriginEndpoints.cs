using System.Text;
using MediaAdmin.Core.Cdn.UrlAuth;
using MediaAdmin.Core.Results;
using MediaAdmin.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaAdmin.Web.Cdn;

/// <summary>
/// Serves stored files under /cdn/{key}: the origin a CDN pulls from, and what the console's thumbnails load.
/// Only keys that parse as <see cref="StorageKey"/> reach storage, and only files <see cref="CdnFileAccess"/> allows:
/// signed URLs while URL authentication is on, never a Blocked asset's files or files being deleted.
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
        // HEAD too: the purge probe and edges that forward a HEAD on a miss ask it; Kestrel sends the same headers without the body.
        // An origin answers for files: a bodiless 404 stays one, not the console's re-executed not-found page, which a HEAD
        // (the probe's, an edge's) would not even reach.
        endpoints.MapMethods(CdnUrlSigner.OriginPathPrefix + "{**key}", [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .AllowAnonymous()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.SkipStatusCodePagesAttribute());
        return endpoints;
    }

    private static async Task<Results<NotFound, ContentHttpResult, FileStreamHttpResult>> ServeAsync(
        string key,
        HttpRequest request,
        CdnFileAccess access,
        CdnUrlSigner signer,
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

        var allowed = await access.CheckAsync(storageKey, request.Query[TypeAAuthKey.ParameterName].ToString(), cancellationToken);
        if (!allowed.IsSuccess)
        {
            // A refusal can end (the asset unblocked, a fresh signature), so no cache may keep it.
            response.Headers.CacheControl = "no-store";
            return TypedResults.Text(allowed.Problem.Message, "text/plain", Encoding.UTF8, allowed.Status == ResultStatus.NotFound ? 404 : 403);
        }

        var stream = await storage.OpenReadAsync(storageKey, cancellationToken);
        if (stream is null)
        {
            return TypedResults.NotFound();
        }

        var inline = CdnContentTypes.TryGetInline(key, out var contentType);
        if (inline && allowed.Value.Signature is { } signature && SignedReferences.Applies(key))
        {
            return await SignedListingAsync(stream, key, contentType!, reference => signer.SignReference(signature, reference), response, cancellationToken);
        }

        return inline
            ? TypedResults.Stream(stream, contentType, enableRangeProcessing: true)
            : TypedResults.Stream(stream, "application/octet-stream", fileDownloadName: Path.GetFileName(key), enableRangeProcessing: true);
    }

    /// <summary>
    /// A playlist or sprite index whose references carry this request's signature. It differs per signature, so a
    /// shared cache must not keep one copy for everyone (an edge that strips auth_key from its cache key would).
    /// </summary>
    private static async Task<ContentHttpResult> SignedListingAsync(
        Stream stream, string key, string contentType, Func<string, string> sign, HttpResponse response, CancellationToken cancellationToken)
    {
        string text;
        await using (stream)
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            text = await reader.ReadToEndAsync(cancellationToken);
        }

        response.Headers.CacheControl = "private";
        return TypedResults.Text(SignedReferences.Rewrite(key, text, sign), contentType, Encoding.UTF8);
    }
}
