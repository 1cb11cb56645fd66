using System.Globalization;
using System.Net;
using System.Text;
using MediaAdmin.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Events;

/// <summary>
/// Delivers the outbox to <c>Events:CallbackUrl</c> with Alibaba's rule: an HTTP POST of the JSON body signed with
/// <see cref="VodCallbackSignature"/>; 200 is delivered, any other status or no answer within
/// <c>Events:AttemptTimeout</c> (5 seconds, as Alibaba waits) is a failed attempt, retried <c>Events:RetryDelay</c> later
/// (1 second, as Alibaba does), and after the third the callback is given up with its last error.
/// </summary>
internal sealed partial class OutgoingVodEventSender(
    OutgoingVodEventStore store,
    IHttpClientFactory httpClients,
    IOptions<EventsOptions> options,
    IOptions<Sources.LibrarySourceOptions> source,
    TimeProvider clock,
    ILogger<OutgoingVodEventSender> logger) : BackgroundService
{
    public const string HttpClientName = "VodEventCallbacks";

    private const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SendsCallbacks || source.Value.IsAlibabaVod)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var sentAll = true;
            try
            {
                var claimed = await store.ClaimDueAsync(BatchSize, stoppingToken);
                foreach (var callback in claimed)
                {
                    await SendAsync(callback, stoppingToken);
                }

                sentAll = claimed.Count < BatchSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (DatabaseFailure.Is(ex))
            {
                LogOutboxUnreadable(logger, ex);
            }

            if (sentAll && !await WaitAsync(stoppingToken))
            {
                return;
            }
        }
    }

    private async Task SendAsync(ClaimedVodEvent callback, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.CallbackUrl)
        {
            Content = new StringContent(callback.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(VodCallbackSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(VodCallbackSignature.SignatureHeader, VodCallbackSignature.Compute(settings.CallbackUrl!, timestamp, settings.PrivateKey!));

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        attempt.CancelAfter(settings.AttemptTimeout);
        string? error;
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, attempt.Token);
            error = response.StatusCode == HttpStatusCode.OK
                ? null
                : $"The receiver answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}; only 200 counts as received.";
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await store.ReleaseAsync(callback);
            throw;
        }
        catch (OperationCanceledException)
        {
            error = $"The receiver did not answer within {settings.AttemptTimeout} (Events:AttemptTimeout).";
        }
        catch (HttpRequestException ex)
        {
            error = $"The receiver could not be reached ({ex.HttpRequestError}): {ex.Message}";
        }

        if (error is null)
        {
            await store.MarkSentAsync(callback);
            return;
        }

        await store.MarkFailedAsync(callback, error);
        LogAttemptFailed(logger, callback.EventType, callback.VideoId, callback.Attempt, EventsOptions.MaxAttempts, error);
    }

    private async Task<bool> WaitAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event callback outbox could not be read; trying again at the next poll")]
    private static partial void LogOutboxUnreadable(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event callback {EventType} for {VideoId} failed on attempt {Attempt} of {MaxAttempts}: {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, string eventType, string? videoId, int attempt, int maxAttempts, string error);
}
