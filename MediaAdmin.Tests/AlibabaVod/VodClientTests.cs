using System.Text.RegularExpressions;
using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.AlibabaVod;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.AlibabaVod;

public sealed partial class VodClientTests : IDisposable
{
    private readonly VodStandIn _vod = new();
    private readonly LogCapture _logs = new();
    private readonly ServiceProvider _services;

    public VodClientTests() => _services = VodServices.For(_vod, _logs);

    private VodClient Client => _services.GetRequiredService<VodClient>();

    public void Dispose()
    {
        _services.Dispose();
        _vod.Dispose();
    }

    [Fact]
    public async Task Calls_are_signed_with_the_project_signer_and_carry_Alibaba_common_parameters()
    {
        var reply = await Client.DescribeRefreshQuotaAsync(_vod.Account);

        Assert.True(reply.IsSuccess, reply.Error?.ToString());
        Assert.Equal(new VodRefreshQuota(2000, 2000, 100, 100, reply.Value.RequestId), reply.Value);
        var call = Assert.Single(_vod.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal(RpcSignature.Compute("POST", call.Parameters, VodStandIn.AccessKeySecret), call.Parameters["Signature"]);
        Assert.Equal("DescribeVodRefreshQuota", call.Parameters["Action"]);
        Assert.Equal("2017-03-21", call.Parameters["Version"]);
        Assert.Equal("JSON", call.Parameters["Format"]);
        Assert.Equal(VodStandIn.AccessKeyId, call.Parameters["AccessKeyId"]);
        Assert.Equal("HMAC-SHA1", call.Parameters["SignatureMethod"]);
        Assert.Equal("1.0", call.Parameters["SignatureVersion"]);
        Assert.Equal("cn-shanghai", call.Parameters["RegionId"]);
        Assert.Matches(TimestampFormat(), call.Parameters["Timestamp"]);
        Assert.False(string.IsNullOrWhiteSpace(call.Parameters["SignatureNonce"]));
    }

    [Fact]
    public async Task A_call_signed_with_the_wrong_secret_is_refused_as_SignatureDoesNotMatch()
    {
        var reply = await Client.DescribeRefreshQuotaAsync(_vod.Account with { AccessKeySecret = "not-the-secret" });

        Assert.Equal("SignatureDoesNotMatch", reply.Error?.Code);
        Assert.Equal(400, reply.Error?.HttpStatus);
        Assert.False(Assert.Single(_vod.Calls).SignatureValid);
    }

    [Fact]
    public async Task Object_paths_with_spaces_plus_signs_and_non_ASCII_are_sent_one_per_line_and_signed_correctly()
    {
        string[] paths = ["https://cdn.example.test/vod/a b+c*(1)!.mp4", "https://cdn.example.test/vod/视频/index.m3u8"];

        var reply = await Client.RefreshObjectCachesAsync(_vod.Account, paths, VodObjectType.File);

        Assert.True(reply.IsSuccess, reply.Error?.ToString());
        Assert.Single(reply.Value.TaskIds);
        var call = Assert.Single(_vod.Calls);
        Assert.True(call.SignatureValid);
        Assert.Equal(string.Join("\n", paths), call.Parameters["ObjectPath"]);
        Assert.Equal("File", call.Parameters["ObjectType"]);
    }

    [Fact]
    public async Task Throttling_User_then_success_is_retried_into_success()
    {
        _vod.ReplyOnceTo("DescribeVodRefreshQuota", 400, """{"RequestId":"T-1","Code":"Throttling.User","Message":"Request was denied due to user flow control."}""");

        var reply = await Client.DescribeRefreshQuotaAsync(_vod.Account);

        Assert.True(reply.IsSuccess, reply.Error?.ToString());
        Assert.Equal(2, _vod.Calls.Count);
        Assert.All(_vod.Calls, call => Assert.True(call.SignatureValid));
        Assert.NotEqual(_vod.Calls[0].Parameters["SignatureNonce"], _vod.Calls[1].Parameters["SignatureNonce"]);
    }

    [Fact]
    public async Task Status_503_then_success_is_retried_into_success()
    {
        _vod.ReplyOnceTo("RefreshVodObjectCaches", 503, """{"RequestId":"S-1","Code":"ServiceUnavailable","Message":"The request has failed due to a temporary failure of the server."}""");

        var reply = await Client.RefreshObjectCachesAsync(_vod.Account, ["https://cdn.example.test/vod/a/"], VodObjectType.Directory);

        Assert.True(reply.IsSuccess, reply.Error?.ToString());
        Assert.Equal(2, _vod.CallsTo("RefreshVodObjectCaches").Count);
    }

    [Fact]
    public async Task An_Alibaba_error_code_becomes_a_typed_error_with_status_message_and_request_id_and_is_not_retried()
    {
        _vod.ReplyOnceTo("DescribeVodRefreshQuota", 403, """{"RequestId":"R-403","HostId":"vod.cn-shanghai.aliyuncs.com","Code":"Forbidden.RAM","Message":"User not authorized to operate on the specified resource, or this API doesn't support RAM."}""");

        var reply = await Client.DescribeRefreshQuotaAsync(_vod.Account);

        Assert.Equal(new VodError("Forbidden.RAM", "User not authorized to operate on the specified resource, or this API doesn't support RAM.", 403, "R-403"), reply.Error);
        Assert.False(reply.Error!.IsRetryable);
        Assert.Single(_vod.Calls);
    }

    [Fact]
    public async Task Malformed_JSON_becomes_a_typed_error_and_the_body_start_is_logged()
    {
        _vod.ReplyOnceTo("DescribeVodRefreshQuota", 200, """{"RequestId":"M-1","UrlQuota":""");

        var reply = await Client.DescribeRefreshQuotaAsync(_vod.Account);

        Assert.Equal(VodErrorCodes.MalformedReply, reply.Error?.Code);
        Assert.Equal(200, reply.Error?.HttpStatus);
        Assert.Contains(_logs.Lines, line => line.Contains("""{"RequestId":"M-1","UrlQuota":""", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_HTML_error_page_from_a_proxy_becomes_a_retryable_typed_error_after_the_retries()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            _vod.ReplyOnceTo("DescribeVodRefreshQuota", 502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");
        }

        var reply = await Client.DescribeRefreshQuotaAsync(_vod.Account);

        Assert.Equal(VodErrorCodes.MalformedReply, reply.Error?.Code);
        Assert.Equal(502, reply.Error?.HttpStatus);
        Assert.True(reply.Error?.IsRetryable);
        Assert.Equal(5, _vod.Calls.Count);
        Assert.Contains(_logs.Lines, line => line.Contains("<html><body><h1>502 Bad Gateway", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_endpoint_nobody_listens_on_becomes_an_unreachable_error_not_an_exception()
    {
        // Bound but never listening: connections are refused, and no other test's server can take the port meanwhile.
        using var nowhere = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        nowhere.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var account = _vod.Account with { Endpoint = new Uri($"http://{nowhere.LocalEndPoint}/") };

        var reply = await Client.DescribeRefreshQuotaAsync(account);

        Assert.Equal(VodErrorCodes.Unreachable, reply.Error?.Code);
        Assert.True(reply.Error?.IsRetryable);
    }

    [Fact]
    public async Task A_reply_slower_than_the_attempt_timeout_on_every_attempt_becomes_a_timeout_error()
    {
        using var patient = VodServices.For(_vod, _logs, new Dictionary<string, string?>
        {
            // Long enough for a request to arrive on a loaded machine, far shorter than the stand-in's delay.
            ["AlibabaVod:Resilience:AttemptTimeout"] = "00:00:02",
            ["AlibabaVod:Resilience:MaxRetries"] = "1",
        });
        for (var attempt = 0; attempt < 2; attempt++)
        {
            _vod.ReplyOnceTo("DescribeVodRefreshQuota", 200, "{}", delay: TimeSpan.FromSeconds(8));
        }

        var reply = await patient.GetRequiredService<VodClient>().DescribeRefreshQuotaAsync(_vod.Account);

        Assert.Equal(VodErrorCodes.Timeout, reply.Error?.Code);
        Assert.True(reply.Error?.IsRetryable);
        Assert.Equal(2, _vod.Calls.Count);
    }

    [Fact]
    public async Task The_secret_appears_in_no_log_line_and_no_error_whatever_the_reply()
    {
        _vod.ReplyOnceTo("DescribeVodRefreshQuota", 400, """{"RequestId":"T-1","Code":"Throttling.User","Message":"Request was denied due to user flow control."}""");
        _vod.ReplyOnceTo("RefreshVodObjectCaches", 200, "<html>oops</html>", "text/html");
        var replies = new List<string?>
        {
            (await Client.DescribeRefreshQuotaAsync(_vod.Account)).Error?.ToString(),
            (await Client.RefreshObjectCachesAsync(_vod.Account, ["https://cdn.example.test/vod/x.mp4"], VodObjectType.File)).Error?.ToString(),
            (await Client.DescribeRefreshTaskAsync(_vod.Account with { AccessKeySecret = VodStandIn.AccessKeySecret + "x" }, "1")).Error?.ToString(),
            (await Client.CallAsync(_vod.Account, "NoSuchAction", new Dictionary<string, string>())).Error?.ToString(),
            _vod.Account.ToString(),
        };

        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(VodStandIn.AccessKeySecret, StringComparison.Ordinal));
        Assert.DoesNotContain(replies, text => text?.Contains(VodStandIn.AccessKeySecret, StringComparison.Ordinal) == true);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex TimestampFormat();
}
