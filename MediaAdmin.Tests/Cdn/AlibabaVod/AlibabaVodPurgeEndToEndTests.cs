using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.AlibabaVod;
using MediaAdmin.Tests.Cdn.Purge;

namespace MediaAdmin.Tests.Cdn.AlibabaVod;

/// <summary>
/// A deletion purged with Provider=AlibabaVod by the real worker against the RPC stand-in, read back through the Core
/// services the CDN refresh page shows: a refresh task that fails at Alibaba, then Retry, then a verified purge; and a
/// refresh whose answer came too late, followed on the next attempt instead of sent again.
/// </summary>
public sealed class AlibabaVodPurgeEndToEndTests : IDisposable
{
    private const string FirstTaskId = "704220001";

    private readonly VodStandIn _vod = new();

    [Fact]
    public async Task A_refresh_task_failing_at_Alibaba_shows_failed_with_the_reason_and_retry_purges_again_until_verified()
    {
        _vod.TaskStatuses[FirstTaskId] = "Failed";
        await using var host = await PurgeHost.StartAsync(Settings());
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);

        var requestId = await host.DeleteHlsAssetAsync(editor.Id);

        var failed = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State is CdnPurgeState.Failed or CdnPurgeState.Verified);
        Assert.Equal(CdnPurgeState.Failed, failed.Summary.State);
        Assert.StartsWith("The CDN's purge tasks failed: " + FirstTaskId, failed.Summary.Error, StringComparison.Ordinal);
        Assert.Contains(FirstTaskId, failed.TaskIds);
        Assert.True(failed.Summary.IsOpen);
        var listed = (await host.Queries.ListAsync(editor.Id, new CdnPurgeListQuery(OpenOnly: true))).Value.Items;
        Assert.Equal(CdnPurgeState.Failed, Assert.Single(listed, i => i.RequestId == requestId).State);

        Assert.True((await host.Purges.RetryAsync(editor.Id, requestId)).IsSuccess);

        var verified = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State is CdnPurgeState.Failed or CdnPurgeState.Verified);
        Assert.True(verified.Summary.State == CdnPurgeState.Verified, verified.Summary.Error);
        Assert.DoesNotContain(FirstTaskId, verified.TaskIds);
        Assert.NotEmpty(verified.TaskIds);
        Assert.All(verified.Urls.Where(u => u.Probed), u => Assert.Equal(404, u.ProbeStatus));
        Assert.All(_vod.Calls, call => Assert.True(call.SignatureValid, $"{call.Action} was not signed correctly"));
        Assert.True(_vod.CallsTo("RefreshVodObjectCaches").Count >= 2);
        Assert.Empty(host.Edge.Purges);
    }

    [Fact]
    public async Task A_refresh_answered_after_the_timeout_is_followed_on_the_next_attempt_not_sent_again()
    {
        _vod.AnswerNextRefreshAfter(TimeSpan.FromSeconds(4));
        await using var host = await PurgeHost.StartAsync(new Dictionary<string, string?>(Settings())
        {
            ["AlibabaVod:Resilience:AttemptTimeout"] = "00:00:01.500",
        });
        var editor = await host.App.CreateUserAsync(RoleNames.Editor);

        var requestId = await host.DeleteHlsAssetAsync(editor.Id);

        var done = await host.WaitForAsync(editor.Id, requestId, d => d.Summary.State is CdnPurgeState.Failed or CdnPurgeState.Verified);
        Assert.True(done.Summary.State == CdnPurgeState.Verified, done.Summary.Error);
        Assert.Single(_vod.CallsTo("RefreshVodObjectCaches"));
        Assert.Equal([FirstTaskId], done.TaskIds);
        Assert.Contains(_vod.CallsTo("DescribeVodRefreshTasks"), c => c.Parameters.ContainsKey("ObjectPath"));
        Assert.All(done.Urls.Where(u => u.Probed), u => Assert.Equal(404, u.ProbeStatus));
    }

    public void Dispose() => _vod.Dispose();

    private Dictionary<string, string?> Settings() => new()
    {
        ["Cdn:Purge:Provider"] = "AlibabaVod",
        ["Cdn:Purge:Automatic"] = "true",
        ["Cdn:Purge:AlibabaVod:Endpoint"] = _vod.Endpoint.ToString(),
        ["Cdn:Purge:AlibabaVod:RegionId"] = "cn-shanghai",
        ["Cdn:Purge:AlibabaVod:AccessKeyId"] = VodStandIn.AccessKeyId,
        ["Cdn:Purge:AlibabaVod:AccessKeySecret"] = VodStandIn.AccessKeySecret,
        ["AlibabaVod:Resilience:RetryDelay"] = "00:00:00.010",
    };
}
