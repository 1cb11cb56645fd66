using MediaAdmin.Core.Cdn.Purge.AlibabaVod;
using MediaAdmin.Tests.AlibabaVod;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn.AlibabaVod;

/// <summary>
/// A purge attempt after one whose answer was lost: Alibaba is asked what it already took since the deletion, so a
/// refresh that reached it is followed, not sent (and paid for) again.
/// </summary>
public sealed class AlibabaVodPurgeRetryTests : IDisposable
{
    private readonly VodStandIn _vod = new();
    private readonly LogCapture _logs = new();
    private readonly DateTime _deletedAtUtc = DateTime.UtcNow.AddSeconds(-5);
    private ServiceProvider? _services;

    public void Dispose()
    {
        _services?.Dispose();
        _vod.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_retry_follows_the_refresh_an_earlier_attempt_left_at_Alibaba_instead_of_spending_the_quota_again(bool purgeFolders)
    {
        var provider = Provider(purgeFolders);
        var first = await provider.SubmitAsync(AlibabaVodBatches.Of(assets: 2, filesPerAsset: 3));
        var quotaLeft = (_vod.UrlRemain, _vod.DirRemain);

        var retry = await provider.SubmitAsync(AlibabaVodBatches.Of(assets: 2, filesPerAsset: 3, earlierAttemptSinceUtc: _deletedAtUtc));

        Assert.Single(_vod.CallsTo("RefreshVodObjectCaches"));
        Assert.Equal(quotaLeft, (_vod.UrlRemain, _vod.DirRemain));
        Assert.Equal(first.Outcomes.Select(o => o.Url).Order(), retry.Outcomes.Select(o => o.Url).Order());
        Assert.All(retry.Outcomes, o => Assert.True(o.Accepted));
        Assert.Equal(first.TaskIds, retry.TaskIds);
        Assert.All(_vod.CallsTo("DescribeVodRefreshTasks"), call => Assert.Equal(purgeFolders ? "directory" : "file", call.Parameters["ObjectType"]));
    }

    [Fact]
    public async Task Only_the_paths_Alibaba_has_no_refresh_for_are_sent_on_a_retry()
    {
        _vod.DirQuota = _vod.DirRemain = 500;
        var provider = Provider(purgeFolders: true);
        await provider.SubmitAsync(AlibabaVodBatches.Of(assets: 2, filesPerAsset: 1));

        var retry = await provider.SubmitAsync(AlibabaVodBatches.Of(assets: 3, filesPerAsset: 1, earlierAttemptSinceUtc: _deletedAtUtc));

        var second = _vod.CallsTo("RefreshVodObjectCaches")[1];
        Assert.Equal("https://cdn.example.test/vod/video-3/", second.Parameters["ObjectPath"]);
        Assert.Equal(3, retry.Outcomes.Count(o => o.Accepted));
        Assert.Equal(2, retry.TaskIds.Count);
        Assert.Equal(497, _vod.DirRemain);
    }

    [Fact]
    public async Task A_refresh_that_failed_at_Alibaba_or_predates_the_deletion_is_sent_again()
    {
        var provider = Provider(purgeFolders: true);
        var failed = await provider.SubmitAsync(AlibabaVodBatches.Of(assets: 1, filesPerAsset: 1));
        _vod.TaskStatuses[failed.TaskIds[0]] = "Failed";
        var before = await provider.SubmitAsync(AlibabaVodBatches.Of(assets: 1, filesPerAsset: 1, firstAsset: 2));

        var retry = await provider.SubmitAsync(AlibabaVodBatches.Of(assets: 2, filesPerAsset: 1, earlierAttemptSinceUtc: DateTime.UtcNow.AddSeconds(1)));

        Assert.Equal(3, _vod.CallsTo("RefreshVodObjectCaches").Count);
        Assert.DoesNotContain(failed.TaskIds[0], retry.TaskIds);
        Assert.DoesNotContain(before.TaskIds[0], retry.TaskIds);
        Assert.All(retry.Outcomes, o => Assert.True(o.Accepted));
    }

    [Fact]
    public async Task When_Alibaba_will_not_say_what_it_took_nothing_is_sent_and_its_refusal_is_the_reason()
    {
        var provider = Provider(purgeFolders: true);
        _vod.ReplyOnceTo("DescribeVodRefreshTasks", 403, """{"RequestId":"D-1","Code":"Forbidden.RAM","Message":"User not authorized to operate on the specified resource."}""");

        var retry = await provider.SubmitAsync(AlibabaVodBatches.Of(assets: 2, filesPerAsset: 1, earlierAttemptSinceUtc: _deletedAtUtc));

        Assert.Empty(_vod.CallsTo("RefreshVodObjectCaches"));
        Assert.Equal(2, retry.Outcomes.Count);
        Assert.All(retry.Outcomes, o =>
        {
            Assert.False(o.Accepted);
            Assert.False(o.Retryable);
            Assert.Contains("whether an earlier attempt's refresh reached it", o.Error, StringComparison.Ordinal);
            Assert.Contains("Forbidden.RAM", o.Error, StringComparison.Ordinal);
        });
    }

    private AlibabaVodPurgeProvider Provider(bool purgeFolders)
    {
        _services = VodServices.For(_vod, _logs, new Dictionary<string, string?> { ["Cdn:Purge:AlibabaVod:PurgeFolders"] = purgeFolders.ToString() });
        return _services.GetRequiredService<AlibabaVodPurgeProvider>();
    }
}
