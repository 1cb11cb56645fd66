using System.Text;
using MediaAdmin.Core.Events;
using MediaAdmin.Core.Results;
using MediaAdmin.Core.Sources;
using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Web.Events;

/// <summary>
/// <c>POST /vod/callbacks</c> on the console's port, for ApsaraVideo VOD's HTTP event callbacks; mapped only with
/// <c>Library:Source=AlibabaVod</c>. Anonymous (the callback signature is its authentication) and without antiforgery.
/// Answers 200 once applied (or applied before), 403 or 400 with the reason when refused, 413 for an oversized body,
/// 503 when ApsaraVideo VOD could not be asked about the video, so Alibaba sends the callback again.
/// </summary>
internal static class VodCallbackEndpoint
{
    public const string Path = "/vod/callbacks";

    /// <summary>Event notifications are a few hundred bytes; TranscodeComplete with many streams stays far below this.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static WebApplication MapVodCallbacks(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<LibrarySourceOptions>>().Value.IsAlibabaVod)
        {
            app.MapPost(Path, HandleAsync).AllowAnonymous().DisableAntiforgery();
        }

        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, VodCallbackReceiver receiver)
    {
        var request = context.Request;
        var body = await ReadBodyAsync(request, context.RequestAborted);
        if (body is null)
        {
            return Answer(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes; an event notification is far smaller.");
        }

        var callback = new VodCallback(
            UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, request.QueryString),
            request.Headers[VodCallbackSignature.TimestampHeader].FirstOrDefault(),
            request.Headers[VodCallbackSignature.SignatureHeader].FirstOrDefault(),
            body);
        var result = await receiver.ReceiveAsync(callback, context.RequestAborted);
        if (!result.IsSuccess)
        {
            var status = result.Status == ResultStatus.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            return Answer(status, result.Problem.Message);
        }

        var receipt = result.Value;
        return Answer(receipt.Delivered ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, receipt.Message);
    }

    /// <summary>The body as UTF-8 text, or null when it is longer than <see cref="MaxBodyBytes"/> (never read whole into memory).</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > MaxBodyBytes ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static IResult Answer(int status, string message) => TypedResults.Json(new { Message = message }, statusCode: status);
}
