using System.Globalization;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Cdn.Purge.AlibabaVod;
using MediaAdmin.Tests.AlibabaVod;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn.AlibabaVod;

public sealed class AlibabaVodPurgeProviderTests : IDisposable
{
    private static readonly DateTimeOffset SixPmInShanghai = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private readonly VodStandIn _vod = new();
    private readonly LogCapture _logs = new();
    private ServiceProvider? _services;

    public void Dispose()
    {
        _services?.Dispose();
        _vod.Dispose();
    }

    [Fact]
    public async Task URL_purges_are_split_to_the_per_call_limit_and_every_call_is_signed()
    {
        var submission = await Provider(purgeFolders: false).SubmitAsync(Batch(assets: 3, filesPerAsset: 84));

        var calls = _vod.CallsTo("RefreshVodObjectCaches");
        Assert.Equal([100, 100, 52], calls.Select(c => c.Parameters["ObjectPath"].Split('\n').Length));
        Assert.All(calls, call => Assert.Equal("File", call.Parameters["ObjectType"]));
        Assert.All(_vod.Calls, call => Assert.True(call.SignatureValid));
        Assert.Equal(252, submission.Outcomes.Count(o => o.Accepted));
        Assert.Equal(3, submission.TaskIds.Count);
        Assert.Null(submission.WaitUntilUtc);
    }

    [Fact]
    public async Task Folder_purges_send_one_directory_per_asset_split_to_the_per_call_limit()
    {
        _vod.DirQuota = _vod.DirRemain = 500;

        var submission = await Provider(purgeFolders: true).SubmitAsync(Batch(assets: 150, filesPerAsset: 40));

        var calls = _vod.CallsTo("RefreshVodObjectCaches");
        Assert.Equal([100, 50], calls.Select(c => c.Parameters["ObjectPath"].Split('\n').Length));
        Assert.All(calls, call => Assert.Equal("Directory", call.Parameters["ObjectType"]));
        Assert.All(calls.SelectMany(c => c.Parameters["ObjectPath"].Split('\n')), path => Assert.EndsWith("/", path, StringComparison.Ordinal));
        Assert.Equal(150, submission.Outcomes.Count(o => o.Accepted));
        Assert.Equal("https://cdn.example.test/vod/video-1", submission.Outcomes[0].Url);
        Assert.Equal(350, _vod.DirRemain);
    }

    [Fact]
    public async Task A_day_with_three_URLs_left_submits_three_and_waits_until_the_next_quota_day()
    {
        _vod.UrlRemain = 3;

        var submission = await Provider(purgeFolders: false).SubmitAsync(Batch(assets: 2, filesPerAsset: 5));

        Assert.Equal("DescribeVodRefreshQuota", _vod.Calls[0].Action);
        var refresh = Assert.Single(_vod.CallsTo("RefreshVodObjectCaches"));
        Assert.Equal(3, refresh.Parameters["ObjectPath"].Split('\n').Length);
        Assert.Equal(3, submission.Outcomes.Count);
        Assert.All(submission.Outcomes, o => Assert.True(o.Accepted));
        Assert.Equal(new DateTime(2026, 11, 27, 16, 0, 0, DateTimeKind.Utc), submission.WaitUntilUtc);
        Assert.Equal(
            "Daily URL refresh quota used up (2,000 a day); 7 URLs wait until 2026-11-27 16:00 UTC (midnight in China Standard Time, when ApsaraVideo VOD resets it).",
            submission.WaitReason);
    }

    [Fact]
    public async Task A_spent_directory_quota_sends_nothing_and_waits_for_the_next_midnight_in_China()
    {
        _vod.DirRemain = 0;
        var halfPastOneInShanghai = new DateTimeOffset(2026, 11, 27, 17, 30, 0, TimeSpan.Zero);

        var submission = await Provider(purgeFolders: true, now: halfPastOneInShanghai).SubmitAsync(Batch(assets: 1, filesPerAsset: 3));

        Assert.Empty(_vod.CallsTo("RefreshVodObjectCaches"));
        Assert.Empty(submission.Outcomes);
        Assert.Equal(new DateTime(2026, 11, 28, 16, 0, 0, DateTimeKind.Utc), submission.WaitUntilUtc);
        Assert.StartsWith("Daily directory refresh quota used up (100 a day); 1 directory wait", submission.WaitReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_and_503_during_a_purge_are_retried_and_the_purge_goes_through()
    {
        _vod.ReplyOnceTo("DescribeVodRefreshQuota", 429, """{"RequestId":"T-1","Code":"Throttling.User","Message":"Request was denied due to user flow control."}""");
        _vod.ReplyOnceTo("RefreshVodObjectCaches", 503, """{"RequestId":"S-1","Code":"ServiceUnavailable","Message":"The request has failed due to a temporary failure of the server."}""");

        var submission = await Provider(purgeFolders: true).SubmitAsync(Batch(assets: 2, filesPerAsset: 3));

        Assert.Equal(2, submission.Outcomes.Count(o => o.Accepted));
        Assert.Single(submission.TaskIds);
    }

    [Fact]
    public async Task A_refresh_that_may_have_reached_Alibaba_is_not_sent_again_since_a_second_one_spends_the_quota_twice()
    {
        _vod.ReplyOnceTo("RefreshVodObjectCaches", 500, """{"RequestId":"I-1","Code":"InternalError","Message":"The request processing has failed due to some unknown error."}""");

        var submission = await Provider(purgeFolders: true).SubmitAsync(Batch(assets: 2, filesPerAsset: 3));

        Assert.Single(_vod.CallsTo("RefreshVodObjectCaches"));
        Assert.All(submission.Outcomes, o => Assert.False(o.Accepted));
        Assert.Empty(submission.TaskIds);
    }

    [Fact]
    public async Task A_refused_purge_reports_every_path_refused_with_Alibaba_code_and_not_retryable()
    {
        _vod.ReplyOnceTo("RefreshVodObjectCaches", 403, """{"RequestId":"I-1","Code":"IllegalOperation","Message":"Illegal domain operate is not permitted."}""");

        var submission = await Provider(purgeFolders: false).SubmitAsync(Batch(assets: 1, filesPerAsset: 4));

        Assert.Equal(4, submission.Outcomes.Count);
        Assert.All(submission.Outcomes, outcome =>
        {
            Assert.False(outcome.Accepted);
            Assert.False(outcome.Retryable);
            Assert.Contains("IllegalOperation: Illegal domain operate is not permitted. (RequestId I-1)", outcome.Error, StringComparison.Ordinal);
        });
        Assert.Empty(submission.TaskIds);
    }

    [Fact]
    public async Task Task_states_map_to_complete_running_and_failed_with_Alibaba_reason()
    {
        var provider = Provider(purgeFolders: true);
        var taskIds = new List<string>();
        foreach (var asset in new[] { 1, 2, 3 })
        {
            taskIds.AddRange((await provider.SubmitAsync(Batch(assets: 1, filesPerAsset: 1, firstAsset: asset))).TaskIds);
        }

        _vod.TaskStatuses[taskIds[1]] = "Refreshing";
        _vod.TaskStatuses[taskIds[2]] = "Failed";
        var check = await provider.CheckTasksAsync(taskIds);

        Assert.Equal([CdnPurgeTaskStatus.Complete, CdnPurgeTaskStatus.Running, CdnPurgeTaskStatus.Failed], check.Tasks.Select(t => t.Status));
        Assert.True(check.AnyFailed);
        Assert.Equal("ApsaraVideo VOD could not refresh https://cdn.example.test/vod/video-3/: Origin Timeout", check.Tasks[2].Error);
    }

    [Fact]
    public async Task The_quota_is_read_from_DescribeVodRefreshQuota()
    {
        _vod.UrlRemain = 1996;
        _vod.DirRemain = 99;

        var quota = await Provider(purgeFolders: true).GetQuotaAsync();

        Assert.Equal(new CdnPurgeQuota(true, 1996, 99, 2000, 100), quota);
    }

    [Fact]
    public async Task A_quota_Alibaba_refuses_to_tell_is_reported_as_unknown_with_its_reason_not_thrown()
    {
        _vod.ReplyOnceTo("DescribeVodRefreshQuota", 403, """{"RequestId":"Q-1","Code":"Forbidden.RAM","Message":"User not authorized to operate on the specified resource."}""");

        var quota = await Provider(purgeFolders: true).GetQuotaAsync();

        Assert.Contains("Forbidden.RAM", quota.UnknownBecause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_AccessKey_secret_is_never_logged_while_purging()
    {
        _vod.UrlRemain = 1;
        _vod.ReplyOnceTo("DescribeVodRefreshQuota", 400, """{"RequestId":"T-1","Code":"Throttling.User","Message":"Request was denied due to user flow control."}""");
        var provider = Provider(purgeFolders: false);

        var submission = await provider.SubmitAsync(Batch(assets: 1, filesPerAsset: 2));
        await provider.CheckTasksAsync(submission.TaskIds);

        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(VodStandIn.AccessKeySecret, StringComparison.Ordinal));
    }

    private AlibabaVodPurgeProvider Provider(bool purgeFolders, DateTimeOffset? now = null)
    {
        _services = VodServices.For(
            _vod, _logs, new Dictionary<string, string?> { ["Cdn:Purge:AlibabaVod:PurgeFolders"] = purgeFolders.ToString() }, new ShiftedClock(now ?? SixPmInShanghai));
        return _services.GetRequiredService<AlibabaVodPurgeProvider>();
    }

    private static CdnPurgeBatch Batch(int assets, int filesPerAsset, int firstAsset = 1) => AlibabaVodBatches.Of(assets, filesPerAsset, firstAsset);
}
