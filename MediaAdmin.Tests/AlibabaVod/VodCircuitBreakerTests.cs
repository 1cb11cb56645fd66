using MediaAdmin.Core.AlibabaVod;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.AlibabaVod;

public sealed class VodCircuitBreakerTests : IDisposable
{
    private const string Throttled = """{"RequestId":"T-503","Code":"Throttling.User","Message":"Request was denied due to user flow control."}""";
    private const string Unavailable = """{"RequestId":"S-503","Code":"ServiceUnavailable","Message":"The request has failed due to a temporary failure of the server."}""";

    private readonly VodStandIn _vod = new();
    private readonly LogCapture _logs = new();
    private readonly ServiceProvider _services;

    public VodCircuitBreakerTests() =>
        _services = VodServices.For(_vod, _logs, new Dictionary<string, string?> { ["AlibabaVod:Resilience:MaxRetries"] = "1" });

    private VodClient Client => _services.GetRequiredService<VodClient>();

    public void Dispose()
    {
        _services.Dispose();
        _vod.Dispose();
    }

    [Fact]
    public async Task Throttling_503_from_a_quota_shared_with_other_tools_does_not_open_the_circuit()
    {
        await FailEveryAttemptOfCallsAsync(Throttled, "Throttling.User");

        var reply = await Client.DescribeRefreshQuotaAsync(_vod.Account);

        Assert.True(reply.IsSuccess, reply.Error?.ToString());
    }

    [Fact]
    public async Task Server_failures_503_still_open_the_circuit()
    {
        await FailEveryAttemptOfCallsAsync(Unavailable, "ServiceUnavailable");

        var reply = await Client.DescribeRefreshQuotaAsync(_vod.Account);

        Assert.Equal(VodErrorCodes.CircuitOpen, reply.Error?.Code);
    }

    /// <summary>As many failed attempts as the breaker's minimum throughput (20), every one answered 503 with <paramref name="body"/>.</summary>
    private async Task FailEveryAttemptOfCallsAsync(string body, string expectedCode)
    {
        const int Calls = 10;
        for (var attempt = 0; attempt < Calls * 2; attempt++)
        {
            _vod.ReplyOnceTo("DescribeVodRefreshQuota", 503, body);
        }

        for (var call = 0; call < Calls; call++)
        {
            var failed = await Client.DescribeRefreshQuotaAsync(_vod.Account);
            Assert.Equal(expectedCode, failed.Error?.Code);
        }
    }
}
