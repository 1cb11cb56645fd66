using System.Text.RegularExpressions;

namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// An ApsaraVideo VOD call that did not succeed: Alibaba's error code and message (or one of MediaAdmin's
/// <see cref="VodErrorCodes"/> when no Alibaba JSON came back), the HTTP status (0 when no reply came), and
/// Alibaba's RequestId when it sent one, to quote to Alibaba's support.
/// </summary>
public sealed partial record VodError(string Code, string Message, int HttpStatus, string? RequestId)
{
    /// <summary>Whether the same call may succeed later: flow control, server-side failures, no reply at all.</summary>
    public bool IsRetryable =>
        Code.StartsWith(VodErrorCodes.ThrottlingPrefix, StringComparison.Ordinal)
        || HttpStatus is 429 or >= 500
        || Code is VodErrorCodes.ServiceUnavailable or VodErrorCodes.InternalError
            or VodErrorCodes.Unreachable or VodErrorCodes.Timeout or VodErrorCodes.CircuitOpen;

    /// <summary>Whether a daily refresh quota is what refused the call.</summary>
    public bool IsQuotaExceeded => Code.StartsWith(VodErrorCodes.QuotaExceededPrefix, StringComparison.Ordinal);

    /// <summary>
    /// "Code: Message (RequestId …)" for people (results panel, API answers, the Source page, logs above Debug):
    /// Alibaba's message without any AccessKeyId or string-to-sign, which SignatureDoesNotMatch quotes in full.
    /// </summary>
    public string ForPeople()
    {
        var parts = StringToSign().Split(Message, 2);
        var message = AccessKeyIdValue().Replace(parts[0], "AccessKeyId=(withheld)").Trim();
        if (parts.Length > 1)
        {
            message = $"{message} (the rest withheld: it quotes the signed request)";
        }

        return RequestId is null ? $"{Code}: {message}" : $"{Code}: {message} (RequestId {RequestId})";
    }

    /// <summary>The same as <see cref="ForPeople"/>: nothing that formats an error may quote the signed request.</summary>
    public override string ToString() => ForPeople();

    [GeneratedRegex(@"(?:server\s+)?string[\s_-]*to[\s_-]*sign", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StringToSign();

    [GeneratedRegex(@"AccessKeyId\s*(?:=|%3D|:)\s*[^\s&%,;]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AccessKeyIdValue();
}
