using System.Globalization;
using MediaAdmin.Core.Deletion;

namespace MediaAdmin.Web.Api;

/// <summary>An error of the Alibaba RPC protocol: code, message and HTTP status as the real gateway answers.</summary>
public sealed record RpcError(string Code, string Message, int Status)
{
    /// <summary>The ID a Core service already gave (and audited) this request, when it is not the endpoint's own.</summary>
    public string? RequestId { get; init; }

    public static RpcError VideoNotFound { get; } = From(DeletionError.InvalidVideoNotFound);

    public static RpcError MissingParameter(string name) => new("MissingParameter", $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied.", 400);

    /// <summary>Alibaba's wording, then what exactly is wrong when there is more to say.</summary>
    public static RpcError InvalidParameter(string name, string? reason = null) =>
        new("InvalidParameter", reason is null ? $"The specified parameter \"{name}\" is not valid." : $"The specified parameter \"{name}\" is not valid: {reason}.", 400);

    public static RpcError ActionNotFound { get; } = new("InvalidAction.NotFound", "Specified api is not found, please check your url and method.", 404);

    public static RpcError InvalidVersion { get; } = new("InvalidVersion", "Specified parameter Version is not valid.", 400);

    public static RpcError AccessKeyNotFound { get; } = new("InvalidAccessKeyId.NotFound", "Specified access key is not found.", 404);

    public static RpcError AccessKeyInactive { get; } = new("InvalidAccessKeyId.Inactive", "Specified access key is disabled.", 400);

    public static RpcError Forbidden { get; } = new("Forbidden", "User not authorized to operate on the specified resource.", 403);

    public static RpcError SignatureDoesNotMatch(string stringToSign) =>
        new("SignatureDoesNotMatch", $"Specified signature is not matched with our calculation. server string to sign is:{stringToSign}", 400);

    public static RpcError NonceUsed { get; } = new("SignatureNonceUsed", "Specified signature nonce was used already.", 400);

    public static RpcError TimestampExpired { get; } = new("InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.", 400);

    public static RpcError TimestampFormat { get; } = new("InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.", 400);

    public static RpcError ThrottlingUser { get; } = new("Throttling.User", "Request was denied due to user flow control.", 429);

    public static RpcError Throttling { get; } = new("Throttling", "Request was denied due to request throttling.", 429);

    public static RpcError EntityTooLarge(long? limitBytes) => new(
        "EntityTooLarge",
        limitBytes is { } limit
            ? string.Create(CultureInfo.InvariantCulture, $"The request body is larger than the {limit:N0} bytes the API accepts.")
            : "The request body is larger than the API accepts.",
        413);

    public static RpcError InternalError { get; } = new("InternalError", "The request processing has failed due to some unknown error.", 500);

    /// <summary>A request-level outcome of DeleteVideo, with the ID under which the deletion service audited it.</summary>
    public static RpcError From(DeletionError error, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new RpcError(error.Code, error.Message, error.HttpStatus) { RequestId = requestId };
    }
}
