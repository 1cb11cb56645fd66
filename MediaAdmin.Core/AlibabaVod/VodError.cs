namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// An ApsaraVideo VOD call that did not succeed: Alibaba's error code and message (or one of MediaAdmin's
/// <see cref="VodErrorCodes"/> when no Alibaba JSON came back), the HTTP status (0 when no reply came), and
/// Alibaba's RequestId when it sent one, to quote to Alibaba's support.
/// </summary>
public sealed record VodError(string Code, string Message, int HttpStatus, string? RequestId)
{
    /// <summary>Whether the same call may succeed later: flow control, server-side failures, no reply at all.</summary>
    public bool IsRetryable =>
        Code.StartsWith(VodErrorCodes.ThrottlingPrefix, StringComparison.Ordinal)
        || HttpStatus is 429 or >= 500
        || Code is VodErrorCodes.ServiceUnavailable or VodErrorCodes.InternalError
            or VodErrorCodes.Unreachable or VodErrorCodes.Timeout or VodErrorCodes.CircuitOpen;

    /// <summary>Whether a daily refresh quota is what refused the call.</summary>
    public bool IsQuotaExceeded => Code.StartsWith(VodErrorCodes.QuotaExceededPrefix, StringComparison.Ordinal);

    /// <summary>"Code: Message (RequestId …)", for logs and for reasons shown to people.</summary>
    public override string ToString() => RequestId is null ? $"{Code}: {Message}" : $"{Code}: {Message} (RequestId {RequestId})";
}
