using System.Globalization;
using MediaAdmin.Core.Events;
using MediaAdmin.Core.Results;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>
/// The door for ApsaraVideo VOD's HTTP callbacks: authenticates one (the timestamp within
/// <c>AlibabaVod:CallbackMaxAge</c> and not ahead of the clock, the signature per <see cref="VodCallbackSignature"/>
/// with <c>AlibabaVod:CallbackPrivateKey</c>), reads its body, and has <see cref="VodEventApplier"/> apply it.
/// A refused callback changes nothing: <see cref="ResultStatus.Forbidden"/> for authentication,
/// <see cref="ResultStatus.Invalid"/> for a body that is not an event notification, each with its reason.
/// </summary>
public sealed partial class VodCallbackReceiver(
    VodEventApplier applier,
    IOptions<AlibabaVodSourceOptions> options,
    TimeProvider clock,
    ILogger<VodCallbackReceiver> logger)
{
    /// <summary>How far ahead of this clock a timestamp may lie: the two clocks are never quite equal.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>The receipt of an authentic event notification, or the problem that refused the callback.</summary>
    public async Task<Result<VodCallbackReceipt>> ReceiveAsync(VodCallback callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (Authenticate(callback) is { } refused)
        {
            LogRefused(logger, refused.Message);
            return refused;
        }

        var notice = VodEventNotice.Parse(callback.Body);
        if (!notice.IsSuccess)
        {
            LogRefused(logger, notice.Problem.Message);
            return notice.Problem;
        }

        return await applier.ApplyAsync(notice.Value, cancellationToken);
    }

    private Problem? Authenticate(VodCallback callback)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(callback.Timestamp)
            || !long.TryParse(callback.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds)
            || unixSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return Problem.Forbidden($"{VodCallbackSignature.TimestampHeader} is missing or not UNIX seconds; ApsaraVideo VOD sends it with every authenticated callback.");
        }

        if (string.IsNullOrWhiteSpace(callback.Signature))
        {
            return Problem.Forbidden($"{VodCallbackSignature.SignatureHeader} is missing; set the callback authentication key in the VOD console to AlibabaVod:CallbackPrivateKey.");
        }

        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        if (age > settings.CallbackMaxAge)
        {
            return Problem.Forbidden($"{VodCallbackSignature.TimestampHeader} {unixSeconds} is {age:c} old; callbacks older than {settings.CallbackMaxAge:c} (AlibabaVod:CallbackMaxAge) are refused, so a captured one cannot be replayed.");
        }

        if (-age > AllowedClockSkew)
        {
            return Problem.Forbidden($"{VodCallbackSignature.TimestampHeader} {unixSeconds} lies {-age:c} in the future; at most {AllowedClockSkew:c} of clock difference is accepted.");
        }

        var url = string.IsNullOrEmpty(settings.CallbackUrl) ? callback.ReachedUrl : settings.CallbackUrl;
        var expected = VodCallbackSignature.Compute(url, unixSeconds, settings.CallbackPrivateKey ?? "");
        return VodCallbackSignature.Matches(expected, callback.Signature)
            ? null
            : Problem.Forbidden($"{VodCallbackSignature.SignatureHeader} does not match the signature of {url} with AlibabaVod:CallbackPrivateKey; check the key, and that the URL is the one configured in the VOD console (AlibabaVod:CallbackUrl).");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an ApsaraVideo VOD callback: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
