using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// The one client for ApsaraVideo VOD's RPC API (version 2017-03-21): each call is signed with the account's
/// AccessKey, sent through the resilient HttpClient named <see cref="HttpClientName"/> (attempt timeout, retries with
/// jittered exponential back-off on Throttling* and 5xx, a circuit breaker per endpoint), and answered as a
/// <see cref="VodReply{T}"/>. Typed operations live in the partial files beside this one; <see cref="CallAsync"/>
/// reaches any other action. Neither the secret nor the signature is ever logged.
/// </summary>
public sealed partial class VodClient
{
    /// <summary>The IHttpClientFactory name of the HttpClient with the VOD resilience pipeline.</summary>
    public const string HttpClientName = "AlibabaVod";

    private const int LoggedBodyCharacters = 200;

    private readonly IHttpClientFactory _httpClients;
    private readonly ILogger<VodClient> _logger;

    public VodClient(IHttpClientFactory httpClients, ILogger<VodClient> logger)
    {
        _httpClients = httpClients;
        _logger = logger;
    }

    /// <summary>
    /// Calls <paramref name="action"/> with its own <paramref name="parameters"/> (the client adds and signs the
    /// common ones) and answers Alibaba's JSON, or the error: Alibaba's code, or a MediaAdmin code when no JSON came.
    /// </summary>
    public Task<VodReply<JsonElement>> CallAsync(
        VodAccount account, string action, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default) =>
        SendAsync(account, action, parameters, retryAfterSend: true, cancellationToken);

    /// <summary>
    /// <paramref name="retryAfterSend"/> false: an attempt that may have reached Alibaba (no reply, a 5xx) is not
    /// repeated, for actions whose second run would answer differently from the first.
    /// </summary>
    private async Task<VodReply<JsonElement>> SendAsync(
        VodAccount account, string action, IReadOnlyDictionary<string, string> parameters, bool retryAfterSend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(parameters);

        using var request = VodSignedRequest.Create(account, action, parameters);
        request.Options.Set(VodSignedRequest.RetryAfterSendKey, retryAfterSend);
        var host = account.Endpoint.Authority;
        try
        {
            using var response = await _httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var reply = VodReplyReader.Read(action, response.StatusCode, body, out var malformedBody);
            if (malformedBody is not null)
            {
                _logger.LogWarning("ApsaraVideo VOD at {Host} answered {Action} with HTTP {Status} and a body that is not its JSON; it starts: {BodyStart}",
                    host, action, (int)response.StatusCode, Start(malformedBody));
            }
            else if (reply.Error is { } error)
            {
                _logger.LogWarning("ApsaraVideo VOD at {Host} refused {Action}: HTTP {Status} {Error}", host, action, error.HttpStatus, error.ForPeople());
                _logger.LogDebug("ApsaraVideo VOD's full message for {Action} (RequestId {RequestId}): {Message}", action, error.RequestId, error.Message);
            }
            else
            {
                _logger.LogDebug("ApsaraVideo VOD at {Host} answered {Action} (RequestId {RequestId})", host, action, VodReplyReader.Text(reply.Value, "RequestId"));
            }

            return reply;
        }
        catch (Exception exception) when (NoReply(action, exception, cancellationToken) is { } error)
        {
            _logger.LogWarning("ApsaraVideo VOD at {Host} did not answer {Action}: {Code}: {Message}", host, action, error.Code, error.Message);
            return error;
        }
    }

    /// <summary>The error for a call that got no reply; <c>null</c> for the caller's own cancellation and for bugs.</summary>
    private static VodError? NoReply(string action, Exception exception, CancellationToken cancellationToken) => exception switch
    {
        BrokenCircuitException => new VodError(VodErrorCodes.CircuitOpen,
            $"{action} was not sent: too many recent calls to ApsaraVideo VOD failed, so calls pause until it recovers.", 0, null),
        TimeoutRejectedException => new VodError(VodErrorCodes.Timeout, $"ApsaraVideo VOD did not answer {action} in time, even after retries.", 0, null),
        OperationCanceledException when !cancellationToken.IsCancellationRequested =>
            new VodError(VodErrorCodes.Timeout, $"ApsaraVideo VOD did not answer {action} in time, even after retries.", 0, null),
        HttpRequestException http => new VodError(VodErrorCodes.Unreachable,
            $"ApsaraVideo VOD could not be reached for {action} ({http.HttpRequestError}), even after retries.", 0, null),
        _ => null,
    };

    private static string Start(string body)
    {
        var start = body.Length <= LoggedBodyCharacters ? body : body[..LoggedBodyCharacters] + "…";
        return start.ReplaceLineEndings(" ");
    }
}
