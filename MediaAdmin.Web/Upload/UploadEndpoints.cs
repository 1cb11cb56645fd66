using System.Security.Claims;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Ingest.Uploads;
using MediaAdmin.Core.Results;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace MediaAdmin.Web.Upload;

/// <summary>
/// The console's resumable upload protocol on plain HTTP, for the few lines of upload.js:
/// POST /upload starts, PUT /upload/{id} with Content-Range appends, GET or HEAD /upload/{id} tells the offset
/// to resume from, POST /upload/{id}/complete hands the file to the ingest pipeline, DELETE /upload/{id} cancels.
/// Signed in with the console's cookie; every call but the token's carries the antiforgery token as a header.
/// </summary>
internal static class UploadEndpoints
{
    public const string OffsetHeader = "Upload-Offset";

    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/upload/token", async (HttpContext http, UploadStore uploads, IAntiforgery antiforgery) =>
        {
            var allowed = await uploads.MayUploadAsync(UserId(http), http.RequestAborted);
            if (!allowed.IsSuccess)
            {
                return Refusal(allowed.Problem);
            }

            var tokens = antiforgery.GetAndStoreTokens(http);
            return Results.Ok(new UploadToken(tokens.HeaderName!, tokens.RequestToken!));
        });

        var group = endpoints.MapGroup("/upload").AddEndpointFilter(RequireUploaderWithToken);
        group.MapPost("/", async (HttpContext http, UploadStore uploads, NewUpload upload) =>
        {
            var started = await uploads.StartAsync(UserId(http), upload, http.RequestAborted);
            if (started.TryGetValue(out var progress))
            {
                return Answer(http, progress, StatusCodes.Status201Created);
            }

            var tooLarge = started.Status == ResultStatus.Invalid && upload.SizeBytes > uploads.MaxUploadBytes;
            return Results.Problem(started.Error, statusCode: tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusOf(started.Problem!));
        });

        group.MapMethods("/{id}", [HttpMethods.Get, HttpMethods.Head], async (HttpContext http, UploadStore uploads, string id) =>
            Translate(http, await uploads.ProgressAsync(UserId(http), id, http.RequestAborted)));

        group.MapPut("/{id}", async (HttpContext http, UploadStore uploads, string id) =>
        {
            var range = http.Request.GetTypedHeaders().ContentRange;
            if (range is not { From: { } from, To: { } to } || to < from)
            {
                return Results.Problem("Send each chunk with a Content-Range header: bytes first-last/total.", statusCode: StatusCodes.Status400BadRequest);
            }

            var appended = await uploads.AppendAsync(UserId(http), id, from, to - from + 1, http.Request.Body, http.RequestAborted);
            if (appended.Status == ResultStatus.Conflict && (await uploads.ProgressAsync(UserId(http), id)).TryGetValue(out var current))
            {
                // The client resumes from here without asking again.
                http.Response.Headers[OffsetHeader] = current.ReceivedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Translate(http, appended);
        });

        // A finished upload is handed over even if the browser goes away meanwhile: the asset appears in the library.
        group.MapPost("/{id}/complete", async (HttpContext http, UploadStore uploads, [FromServices] IIngestPipeline pipeline, string id) =>
        {
            var completed = await uploads.CompleteAsync(UserId(http), id, pipeline, CancellationToken.None);
            return completed.TryGetValue(out var videoId) ? Results.Ok(new UploadCompleted(videoId)) : Refusal(completed.Problem);
        });

        group.MapDelete("/{id}", async (HttpContext http, UploadStore uploads, string id) =>
        {
            var cancelled = await uploads.CancelAsync(UserId(http), id, http.RequestAborted);
            return cancelled.IsSuccess ? Results.NoContent() : Refusal(cancelled.Problem);
        });

        return endpoints;
    }

    // Permission first: a Viewer hears "not allowed" whatever else is wrong with the request.
    private static async ValueTask<object?> RequireUploaderWithToken(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var allowed = await http.RequestServices.GetRequiredService<UploadStore>().MayUploadAsync(UserId(http), http.RequestAborted);
        if (!allowed.IsSuccess)
        {
            return Refusal(allowed.Problem);
        }

        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem(
                "The upload was refused: its antiforgery token is missing or no longer valid. Reload the page and try again.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        return await next(context);
    }

    private static IResult Translate(HttpContext http, Result<UploadProgress> result) =>
        result.TryGetValue(out var progress) ? Answer(http, progress, StatusCodes.Status200OK) : Refusal(result.Problem);

    private static IResult Answer(HttpContext http, UploadProgress progress, int statusCode)
    {
        http.Response.Headers[OffsetHeader] = progress.ReceivedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Json(progress, statusCode: statusCode);
    }

    private static IResult Refusal(Problem? problem) =>
        Results.Problem(problem?.Message, statusCode: problem is null ? StatusCodes.Status500InternalServerError : StatusOf(problem));

    private static int StatusOf(Problem problem) => problem.Status switch
    {
        ResultStatus.Forbidden => StatusCodes.Status403Forbidden,
        ResultStatus.NotFound => StatusCodes.Status404NotFound,
        ResultStatus.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
}
