using System.Text.Json;
using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Web.Api;

/// <summary>
/// The Alibaba Cloud VOD RPC API at '/' of its own port: parameters from the query string and the
/// form body merged, signature v1 checked, every answer JSON with the gateway's error shape.
/// </summary>
internal static class VodRpcEndpoint
{
    public const string ApiVersion = "2017-03-21";

    private static readonly string[] Required = ["Action", "Version", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature"];

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = null };

    /// <summary>Sends requests that arrive on the API port here, and nowhere else.</summary>
    public static WebApplication UseVodRpcApi(this WebApplication app)
    {
        var port = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.Port;
        app.MapWhen(context => context.Connection.LocalPort == port, api => api.Run(HandleAsync));
        return app;
    }

    public static async Task HandleAsync(HttpContext context)
    {
        var requestId = VideoDeletionService.NewRequestId();
        try
        {
            await DispatchAsync(context, requestId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(VodRpcEndpoint)).LogError(ex, "API request {RequestId} failed", requestId);
            if (!context.Response.HasStarted)
            {
                await WriteErrorAsync(context, requestId, RpcError.InternalError);
            }
        }
    }

    private static async Task DispatchAsync(HttpContext context, string requestId)
    {
        var services = context.RequestServices;
        var limits = services.GetRequiredService<RpcRateLimits>();
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (limits.IsBlocked(address))
        {
            await WriteErrorAsync(context, requestId, RpcError.Throttling);
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsPost(context.Request.Method))
        {
            await WriteErrorAsync(context, requestId, RpcError.ActionNotFound);
            return;
        }

        var parameters = await ReadParametersAsync(context.Request);
        if (parameters is null)
        {
            await WriteErrorAsync(context, requestId, RpcError.InvalidParameter("body"));
            return;
        }

        if (Required.FirstOrDefault(name => !parameters.TryGetValue(name, out var value) || value.Length == 0) is { } missing)
        {
            await WriteErrorAsync(context, requestId, RpcError.MissingParameter(missing));
            return;
        }

        if (!RpcTime.TryParse(parameters["Timestamp"], out var timestamp))
        {
            await WriteErrorAsync(context, requestId, RpcError.TimestampFormat);
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        if ((clock.GetUtcNow().UtcDateTime - timestamp).Duration() > NonceStore.Window)
        {
            await WriteErrorAsync(context, requestId, RpcError.TimestampExpired);
            return;
        }

        if (parameters["SignatureMethod"] != "HMAC-SHA1" || parameters["SignatureVersion"] != "1.0")
        {
            await WriteErrorAsync(context, requestId, RpcError.InvalidParameter(parameters["SignatureMethod"] != "HMAC-SHA1" ? "SignatureMethod" : "SignatureVersion"));
            return;
        }

        var keys = services.GetRequiredService<AccessKeyService>();
        var key = await keys.ForSigningAsync(parameters["AccessKeyId"], context.RequestAborted);
        if (key.Refusal == AccessKeyRefusal.NotFound)
        {
            limits.SignatureFailed(address);
            await WriteErrorAsync(context, requestId, RpcError.AccessKeyNotFound);
            return;
        }

        var stringToSign = RpcSignature.StringToSign(context.Request.Method, parameters);
        if (!RpcSignature.Matches(RpcSignature.Sign(stringToSign, key.Secret), parameters["Signature"]))
        {
            limits.SignatureFailed(address);
            await WriteErrorAsync(context, requestId, RpcError.SignatureDoesNotMatch(stringToSign));
            return;
        }

        if (key.Refusal != AccessKeyRefusal.None)
        {
            await WriteErrorAsync(context, requestId, key.Refusal == AccessKeyRefusal.Disabled ? RpcError.AccessKeyInactive : RpcError.Forbidden);
            return;
        }

        var nonce = parameters["SignatureNonce"];
        if (nonce.Length > UsedNonce.MaxLength)
        {
            await WriteErrorAsync(context, requestId, RpcError.InvalidParameter("SignatureNonce"));
            return;
        }

        if (!await services.GetRequiredService<NonceStore>().TryUseAsync(nonce, context.RequestAborted))
        {
            await WriteErrorAsync(context, requestId, RpcError.NonceUsed);
            return;
        }

        await keys.MarkUsedAsync(key.Id, context.RequestAborted);
        if (parameters["Version"] != ApiVersion)
        {
            await WriteErrorAsync(context, requestId, RpcError.InvalidVersion);
            return;
        }

        switch (parameters["Action"])
        {
            case "DeleteVideo":
                await DeleteVideoAsync(context, requestId, parameters, key, address);
                break;
            case var action when VodReadOperations.Actions.Contains(action):
                var (body, error) = await VodReadOperations.RunAsync(
                    action, parameters, key.UserId, context.RequestServices.GetRequiredService<Core.Library.LibraryQueryService>(), requestId, context.RequestAborted);
                await (error is null ? WriteAsync(context, 200, body!) : WriteErrorAsync(context, requestId, error));
                break;
            default:
                await WriteErrorAsync(context, requestId, RpcError.ActionNotFound);
                break;
        }
    }

    private static async Task DeleteVideoAsync(HttpContext context, string requestId, Dictionary<string, string> parameters, SigningKey key, string address)
    {
        if (!context.RequestServices.GetRequiredService<RpcRateLimits>().TryDeleteVideo(key.UserId))
        {
            await WriteErrorAsync(context, requestId, RpcError.ThrottlingUser);
            return;
        }

        // VideoIds as one comma-separated value, or flattened from an array as VideoIds.1, VideoIds.2, ...
        var videoIds = parameters.TryGetValue("VideoIds", out var joined)
            ? joined
            : string.Join(",", parameters.Where(p => p.Key.StartsWith("VideoIds.", StringComparison.Ordinal))
                .OrderBy(p => int.TryParse(p.Key["VideoIds.".Length..], out var n) ? n : int.MaxValue).Select(p => p.Value));

        var result = await context.RequestServices.GetRequiredService<VideoDeletionService>()
            .DeleteAsync(new DeletionCaller(key.UserId, DeletionChannel.Api, key.Id, address), videoIds, CancellationToken.None);
        if (result.Error is { } error)
        {
            await WriteErrorAsync(context, result.RequestId, new RpcError(error.Code, error.Message, error.HttpStatus));
            return;
        }

        await WriteAsync(context, 200, new Dictionary<string, object>
        {
            ["RequestId"] = result.RequestId,
            ["ForbiddenVideoIds"] = result.Forbidden.Select(f => f.VideoId).ToArray(),
            ["NonExistVideoIds"] = result.NonExistent.ToArray(),
        });
    }

    /// <summary>Query string and form body merged, decoded; null when the body is not a readable form.</summary>
    private static async Task<Dictionary<string, string>?> ReadParametersAsync(HttpRequest request)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
        {
            parameters[name] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            try
            {
                foreach (var (name, value) in await request.ReadFormAsync())
                {
                    parameters[name] = value.ToString();
                }
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }

        return parameters;
    }

    private static Task WriteErrorAsync(HttpContext context, string requestId, RpcError error) =>
        WriteAsync(context, error.Status, new Dictionary<string, object>
        {
            ["RequestId"] = requestId,
            ["HostId"] = context.Request.Host.Value ?? "mediaadmin",
            ["Code"] = error.Code,
            ["Message"] = error.Message,
            ["Recommend"] = $"https://api.aliyun.com/troubleshoot?q={Uri.EscapeDataString(error.Code)}&product=Vod",
        });

    private static async Task WriteAsync<TValue>(HttpContext context, int status, Dictionary<string, TValue> body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, Json, context.RequestAborted);
    }
}
