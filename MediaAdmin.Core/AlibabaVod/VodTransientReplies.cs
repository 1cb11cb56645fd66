using System.Net;
using System.Text.Json;
using Polly;
using Polly.Timeout;

namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// Which outcomes of one attempt are worth another: no reply (connection failure, attempt timeout), 5xx and 429,
/// and Alibaba's flow control, which its docs send as 400 or 503 and its gateway as 429, always with a
/// <c>Throttling*</c> code in the body. Calls that must not run twice get only the retries that prove nothing ran.
/// </summary>
internal static class VodTransientReplies
{
    public static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        // A call that must not run twice is retried only when the outcome proves Alibaba did no work: no connection
        // was made, or flow control or ServiceUnavailable refused it before any.
        var retryAfterSend = request is null || !request.Options.TryGetValue(VodSignedRequest.RetryAfterSendKey, out var allowed) || allowed;
        return outcome switch
        {
            { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } } => true,
            { Exception: HttpRequestException or TimeoutRejectedException } => retryAfterSend,
            { Result: { } response } => (retryAfterSend && IsServerFailure(response)) || await IsRefusedBeforeAnyWorkAsync(response),
            _ => false,
        };
    }

    /// <summary>
    /// What counts against an endpoint's health: no reply or a server failure. Flow control does not, whatever its
    /// status (Alibaba sends 503 Throttling*): another tool spending the account's quota must not open the breaker.
    /// </summary>
    public static async ValueTask<bool> IsFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsServerFailure(response) && !await IsThrottlingAsync(response),
        _ => false,
    };

    private static bool IsServerFailure(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests;

    private static async ValueTask<bool> IsThrottlingAsync(HttpResponseMessage response) =>
        await ErrorCodeAsync(response) is { } code && code.StartsWith(VodErrorCodes.ThrottlingPrefix, StringComparison.Ordinal);

    private static async ValueTask<bool> IsRefusedBeforeAnyWorkAsync(HttpResponseMessage response) =>
        await ErrorCodeAsync(response) is { } code
            && (code.StartsWith(VodErrorCodes.ThrottlingPrefix, StringComparison.Ordinal) || code == VodErrorCodes.ServiceUnavailable);

    /// <summary>Alibaba's error code in a failed answer's JSON body, or null.</summary>
    private static async ValueTask<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        // Buffered, so the client still reads the whole body when this attempt is the last one.
        var body = await response.Content.ReadAsStringAsync();
        try
        {
            using var document = JsonDocument.Parse(body);
            return VodReplyReader.Text(document.RootElement, "Code");
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
