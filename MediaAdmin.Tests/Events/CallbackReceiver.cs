using System.Collections.Concurrent;
using MediaAdmin.Tests.Support;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace MediaAdmin.Tests.Events;

/// <summary>
/// A loopback receiver of event callbacks on WireMock.Net: records each POST (headers and body) and answers the
/// statuses a test queued, then <see cref="DefaultStatus"/>.
/// </summary>
public sealed class CallbackReceiver : IDisposable
{
    private readonly WireMockServer _server;
    private readonly ConcurrentQueue<int> _scripted = new();
    private readonly ConcurrentQueue<ReceivedCallback> _received = new();

    public CallbackReceiver()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{LoopbackPorts.Next()}"] });
        _server.Given(Request.Create().UsingPost()).RespondWith(Response.Create().WithCallback(Handle));
    }

    /// <summary>The URL callbacks are sent to, exactly as configured in <c>Events:CallbackUrl</c> (and signed).</summary>
    public string Url => _server.Urls[0] + "/vod/events";

    public int DefaultStatus { get; set; } = 200;

    public IReadOnlyList<ReceivedCallback> Received => [.. _received];

    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _scripted.Enqueue(status);
        }
    }

    public void Dispose() => _server.Stop();

    private ResponseMessage Handle(IRequestMessage request)
    {
        var status = _scripted.TryDequeue(out var scripted) ? scripted : DefaultStatus;
        _received.Enqueue(new ReceivedCallback(request.AbsolutePath, Header(request, "X-VOD-TIMESTAMP"), Header(request, "X-VOD-SIGNATURE"), request.Body ?? "", status));
        return new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = status == 200 ? "ok" : "busy", DetectedBodyType = BodyType.String },
        };
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}

/// <summary>One callback the receiver got: its path, X-VOD-TIMESTAMP, X-VOD-SIGNATURE, body, and the status it answered.</summary>
public sealed record ReceivedCallback(string Path, string? Timestamp, string? Signature, string Body, int AnsweredStatus);
