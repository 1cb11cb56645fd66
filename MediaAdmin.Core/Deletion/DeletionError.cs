namespace MediaAdmin.Core.Deletion;

/// <summary>A request-level outcome of DeleteVideo that stops the whole request, with Alibaba's code, message and HTTP status.</summary>
public sealed record DeletionError(string Code, string Message, int HttpStatus)
{
    /// <summary>More than <see cref="VideoIdList.MaxIds"/> IDs in one request.</summary>
    public const string VideoIdsExceededMaxCode = "VideoIdsExceededMax";

    public const string MissingVideoIdsCode = "MissingVideoIds";

    /// <summary>None of the IDs exists (DeleteVideo), or the one asked for does not (GetVideoInfo).</summary>
    public const string InvalidVideoNotFoundCode = "InvalidVideo.NotFound";

    public const string DeleteVideoFailedCode = "DeleteVideoFailed";

    public static DeletionError VideoIdsExceededMax { get; } =
        new(VideoIdsExceededMaxCode, "The VideoIds exceeded maximum.", 400);

    public static DeletionError MissingVideoIds { get; } =
        new(MissingVideoIdsCode, "VideoIds is mandatory for this action.", 400);

    public static DeletionError InvalidVideoNotFound { get; } =
        new(InvalidVideoNotFoundCode, "The video does not exist.", 404);

    public static DeletionError DeleteVideoFailed { get; } =
        new(DeleteVideoFailedCode, "Deleting video has failed due to some unknown error.", 503);

    public static DeletionError InvalidVideoIds(string message) => new("InvalidParameter", message, 400);

    /// <summary>Whether retrying the same request later may succeed.</summary>
    public bool IsTransient => HttpStatus >= 500;
}
