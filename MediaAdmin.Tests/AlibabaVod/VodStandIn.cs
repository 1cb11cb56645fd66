using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Tests.Support;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace MediaAdmin.Tests.AlibabaVod;

/// <summary>
/// A loopback stand-in for ApsaraVideo VOD's CDN refresh API on WireMock.Net: it checks every call's signature with
/// the project's signer, keeps the daily quotas and the refresh tasks, answers in Alibaba's JSON, and plays scripted
/// failures (throttling, 503, HTML pages) first when a test queues them.
/// </summary>
public sealed partial class VodStandIn : IDisposable
{
    public const string AccessKeyId = "stand-in-key";
    public const string AccessKeySecret = "stand-in-secret-9f2c7d41";

    private readonly WireMockServer _server;
    private readonly ConcurrentQueue<VodCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body, string ContentType, TimeSpan Delay)>> _scripted = new();
    private readonly ConcurrentDictionary<string, bool> _nonces = new();

    public VodStandIn()
    {
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{LoopbackPorts.Next()}"] });
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(Handle));
    }

    public Uri Endpoint => new(_server.Urls[0]);

    public VodAccount Account => new(Endpoint, "cn-shanghai", AccessKeyId, AccessKeySecret);

    public int UrlQuota { get; set; } = 2000;

    public int UrlRemain { get; set; } = 2000;

    public int DirQuota { get; set; } = 100;

    public int DirRemain { get; set; } = 100;

    /// <summary>The status DescribeVodRefreshTasks reports per task ID; tasks not listed here are Complete.</summary>
    public ConcurrentDictionary<string, string> TaskStatuses { get; } = new();

    /// <summary>Answers (status, JSON body) the actions the stand-in does not play itself, after the signature check; null: not found.</summary>
    public Func<VodCall, (int Status, string Body)?>? OtherActions { get; set; }

    /// <summary>The same for a test's remote catalog, with a body serialized as JSON; asked after <see cref="OtherActions"/>.</summary>
    public Func<string, IReadOnlyDictionary<string, string>, (int Status, object Body)?>? CatalogActions { get; set; }

    public IReadOnlyList<VodCall> Calls => [.. _calls];

    public IReadOnlyList<VodCall> CallsTo(string action) => [.. _calls.Where(c => c.Action == action)];

    /// <summary>The next call to <paramref name="action"/> gets this reply instead of the stand-in's own, after <paramref name="delay"/>.</summary>
    public void ReplyOnceTo(string action, int status, string body, string contentType = "application/json;charset=utf-8", TimeSpan delay = default) =>
        _scripted.GetOrAdd(action, _ => new()).Enqueue((status, body, contentType, delay));

    public void Dispose() => _server.Stop();

    private ResponseMessage Handle(IRequestMessage request)
    {
        var parameters = Form(request.RawQuery?.TrimStart('?'));
        foreach (var (name, value) in Form(request.Body))
        {
            parameters[name] = value;
        }

        var action = parameters.GetValueOrDefault("Action", "");
        var signatureValid = parameters.TryGetValue("Signature", out var signature)
            && RpcSignature.Matches(RpcSignature.Compute(request.Method, parameters, AccessKeySecret), signature);
        var call = new VodCall(action, request.Method, parameters, signatureValid);
        _calls.Enqueue(call);

        if (!signatureValid)
        {
            return Json(400, new { RequestId = RequestId(), Code = "SignatureDoesNotMatch", Message = "Specified signature is not matched with our calculation." });
        }

        if (!_nonces.TryAdd(parameters.GetValueOrDefault("SignatureNonce", ""), true))
        {
            return Json(400, new { RequestId = RequestId(), Code = "SignatureNonceUsed", Message = "Specified signature nonce was used already." });
        }

        if (_scripted.TryGetValue(action, out var queue) && queue.TryDequeue(out var scripted))
        {
            Thread.Sleep(scripted.Delay);
            return Reply(scripted.Status, scripted.Body, scripted.ContentType);
        }

        return action switch
        {
            "DescribeVodRefreshQuota" => Json(200, new
            {
                RequestId = RequestId(), UrlQuota = Text(UrlQuota), UrlRemain = Text(UrlRemain), DirQuota = Text(DirQuota), DirRemain = Text(DirRemain),
                PreloadQuota = "500", PreloadRemain = "500", BlockQuota = "500", blockRemain = "500",
            }),
            "RefreshVodObjectCaches" => Refresh(parameters["ObjectPath"].Split('\n'), parameters.GetValueOrDefault("ObjectType", "File")),
            "DescribeVodRefreshTasks" => Describe(parameters),
            _ when OtherActions?.Invoke(call) is { } other => Reply(other.Status, other.Body, "application/json;charset=utf-8"),
            _ when CatalogActions?.Invoke(action, parameters) is { } catalog => Json(catalog.Status, catalog.Body),
            _ => Json(404, new { RequestId = RequestId(), Code = "InvalidAction.NotFound", Message = "Specified api is not found, please check your url and method." }),
        };
    }

    private static Dictionary<string, string> Form(string? encoded)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (encoded ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? pair : pair[..separator];
            var value = separator < 0 ? "" : pair[(separator + 1)..];
            result[Uri.UnescapeDataString(name.Replace('+', ' '))] = Uri.UnescapeDataString(value.Replace('+', ' '));
        }

        return result;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string RequestId() => Guid.NewGuid().ToString("D").ToUpperInvariant();

    private static ResponseMessage Json(int status, object body) => Reply(status, JsonSerializer.Serialize(body), "application/json;charset=utf-8");

    private static ResponseMessage Reply(int status, string body, string contentType) => new()
    {
        StatusCode = status,
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) },
    };
}

/// <summary>One call the stand-in received: the decoded parameters and whether the signature matched.</summary>
public sealed record VodCall(string Action, string Method, IReadOnlyDictionary<string, string> Parameters, bool SignatureValid);
