using System.Text.Json;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Instances;
using MediaAdmin.Web.Api.Actions;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Web.Api;

/// <summary>
/// The Alibaba Cloud VOD RPC API at '/' of its own port: parameters read, the caller authenticated,
/// the action's handler run, and every answer written as JSON with the gateway's error shape.
/// </summary>
internal static class VodRpcEndpoint
{
    public const string ApiVersion = "2017-03-21";

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
        var arrivedAt = context.RequestServices.GetRequiredKeyedService<TimeProvider>(RatePace.ClockKey).GetUtcNow();
        var requestId = VideoDeletionService.NewRequestId();
        try
        {
            await DispatchAsync(context, requestId, arrivedAt);
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

    private static async Task DispatchAsync(HttpContext context, string requestId, DateTimeOffset arrivedAt)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsPost(context.Request.Method))
        {
            await WriteErrorAsync(context, requestId, RpcError.ActionNotFound);
            return;
        }

        var parameters = await RpcParameters.ReadAsync(context.Request);
        if (!parameters.IsSuccess)
        {
            await WriteErrorAsync(context, requestId, parameters.Error);
            return;
        }

        var services = context.RequestServices;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var caller = await services.GetRequiredService<RpcAuthenticator>().AuthenticateAsync(context.Request.Method, parameters.Value, address, context.RequestAborted);
        if (!caller.IsSuccess)
        {
            await WriteErrorAsync(context, requestId, caller.Error);
            return;
        }

        if (parameters.Value["Version"] != ApiVersion)
        {
            await WriteErrorAsync(context, requestId, RpcError.InvalidVersion);
            return;
        }

        var call = new RpcCall(requestId, parameters.Value, caller.Value, arrivedAt);
        var aborted = context.RequestAborted;
        await (parameters.Value["Action"] switch
        {
            DeleteVideoAction.Name => AnswerAsync(context, call, services.GetRequiredService<DeleteVideoAction>().RunAsync(call)),
            GetVideoInfoAction.Name => AnswerAsync(context, call, services.GetRequiredService<GetVideoInfoAction>().RunAsync(call, aborted)),
            GetVideoInfosAction.Name => AnswerAsync(context, call, services.GetRequiredService<GetVideoInfosAction>().RunAsync(call, aborted)),
            GetPlayInfoAction.Name => AnswerAsync(context, call, services.GetRequiredService<GetPlayInfoAction>().RunAsync(call, aborted)),
            GetVideoListAction.Name => AnswerAsync(context, call, services.GetRequiredService<GetVideoListAction>().RunAsync(call, aborted)),
            SearchMediaAction.Name => AnswerAsync(context, call, services.GetRequiredService<SearchMediaAction>().RunAsync(call, aborted)),
            _ => WriteErrorAsync(context, requestId, RpcError.ActionNotFound),
        });
    }

    private static async Task AnswerAsync<TResponse>(HttpContext context, RpcCall call, Task<RpcResult<TResponse>> running)
    {
        var result = await running;
        await (result.IsSuccess
            ? WriteAsync(context, StatusCodes.Status200OK, result.Value)
            : WriteErrorAsync(context, call.RequestId, result.Error));
    }

    private static Task WriteErrorAsync(HttpContext context, string requestId, RpcError error) =>
        WriteAsync(context, error.Status, RpcErrorResponse.For(error, requestId, context.Request.Host.Value ?? "mediaadmin"));

    private static async Task WriteAsync<TBody>(HttpContext context, int status, TBody body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, Json, context.RequestAborted);
    }
}
