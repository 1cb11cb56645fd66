namespace MediaAdmin.Core.Deletion;

/// <summary>A request-level outcome of DeleteVideo that stops the whole request, with Alibaba's code, message and HTTP status.</summary>
public sealed record DeletionError(string Code, string Message, int HttpStatus)
{
    public static DeletionError VideoIdsExceededMax { get; } =
        new("VideoIdsExceededMax", $"The VideoIds exceeded maximum.", 400);

    public static DeletionError MissingVideoIds { get; } =
        new("MissingVideoIds", "VideoIds is mandatory for this action.", 400);

    public static DeletionError InvalidVideoNotFound { get; } =
        new("InvalidVideo.NotFound", "The video does not exist.", 404);

    public static DeletionError DeleteVideoFailed { get; } =
        new("DeleteVideoFailed", "Deleting video has failed due to some unknown error.", 503);

    public static DeletionError InvalidVideoIds(string message) => new("InvalidParameter", message, 400);

    /// <summary>Whether retrying the same request later may succeed.</summary>
    public bool IsTransient => HttpStatus >= 500;
}
