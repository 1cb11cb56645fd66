namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// Error codes a <see cref="VodError"/> carries: Alibaba's own (as the gateway sends them) and the ones MediaAdmin
/// gives outcomes that never reached Alibaba's JSON (prefixed <c>MediaAdmin.</c>).
/// </summary>
public static class VodErrorCodes
{
    /// <summary>Alibaba's flow control; <c>Throttling.User</c>, <c>Throttling.Api</c> and others share the prefix.</summary>
    public const string ThrottlingPrefix = "Throttling";

    /// <summary>A daily refresh quota is spent (<c>QuotaExceeded.Refresh</c> and relatives share the prefix).</summary>
    public const string QuotaExceededPrefix = "QuotaExceeded";

    public const string ServiceUnavailable = "ServiceUnavailable";

    public const string InternalError = "InternalError";

    /// <summary>The reply was not Alibaba's JSON (an HTML error page from a proxy, a truncated body...).</summary>
    public const string MalformedReply = "MediaAdmin.MalformedReply";

    /// <summary>A reply that is JSON but says neither success nor an Alibaba error code (a non-2xx status without Code).</summary>
    public const string UnexpectedStatus = "MediaAdmin.UnexpectedStatus";

    /// <summary>The endpoint could not be reached (refused, reset, DNS) even after the retries.</summary>
    public const string Unreachable = "MediaAdmin.Unreachable";

    /// <summary>No answer within the attempt or total timeout, even after the retries.</summary>
    public const string Timeout = "MediaAdmin.Timeout";

    /// <summary>Too many recent failures at this endpoint: calls are not sent until the circuit breaker closes again.</summary>
    public const string CircuitOpen = "MediaAdmin.CircuitOpen";
}
