using Microsoft.AspNetCore.Http.Features;

namespace MediaAdmin.Web.Api;

/// <summary>A request's parameters: the query string and the form body merged, decoded, the body's values winning.</summary>
internal static class RpcParameters
{
    /// <summary>
    /// The parameters, or the error for a body that cannot be read: 413 past the body size limit, 400
    /// for a form that is malformed (a multipart body with a missing or wrong boundary, an oversized value).
    /// </summary>
    public static async Task<RpcResult<IReadOnlyDictionary<string, string>>> ReadAsync(HttpRequest request)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
        {
            parameters[name] = value.ToString();
        }

        if (!request.HasFormContentType)
        {
            return parameters;
        }

        try
        {
            foreach (var (name, value) in await request.ReadFormAsync(request.HttpContext.RequestAborted))
            {
                parameters[name] = value.ToString();
            }
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own verdict on the body: too large (past MaxRequestBodySize), or malformed framing.
            return ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? RpcError.EntityTooLarge(request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize)
                : RpcError.InvalidParameter("body", "the request body is malformed");
        }
        catch (InvalidDataException ex)
        {
            return RpcError.InvalidParameter("body", $"the form cannot be read: {ex.Message.TrimEnd('.', ' ')}");
        }
        catch (IOException) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // What a multipart body that never reaches its boundary throws; a client that hung up is not answered.
            return RpcError.InvalidParameter("body", "the multipart form ends before its closing boundary");
        }

        return parameters;
    }
}
