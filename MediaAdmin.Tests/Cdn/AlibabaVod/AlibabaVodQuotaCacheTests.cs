using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Cdn.Purge.AlibabaVod;
using MediaAdmin.Tests.AlibabaVod;
using MediaAdmin.Tests.Cdn.UrlAuth;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn.AlibabaVod;

/// <summary>The quota the CDN refresh page shows costs one DescribeVodRefreshQuota per 30 seconds, not one per card opened.</summary>
public sealed class AlibabaVodQuotaCacheTests : IDisposable
{
    private readonly VodStandIn _vod = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;

    public AlibabaVodQuotaCacheTests() => _services = VodServices.For(_vod, new LogCapture(), time: _clock);

    private AlibabaVodPurgeProvider Provider => _services.GetRequiredService<AlibabaVodPurgeProvider>();

    private int QuotaCalls => _vod.CallsTo("DescribeVodRefreshQuota").Count;

    public void Dispose()
    {
        _services.Dispose();
        _vod.Dispose();
    }

    [Fact]
    public async Task Cards_opened_within_30_seconds_share_one_quota_call_and_the_next_one_after_asks_again()
    {
        _vod.UrlRemain = 1990;

        var shown = new List<CdnPurgeQuota>();
        for (var card = 0; card < 5; card++)
        {
            shown.Add(await Provider.GetQuotaAsync());
            _clock.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(1, QuotaCalls);
        Assert.All(shown, quota => Assert.Equal(1990, quota.UrlsLeft));

        _vod.UrlRemain = 1980;
        _clock.Advance(AlibabaVodQuotaCache.FreshFor);
        var later = await Provider.GetQuotaAsync();

        Assert.Equal((2, 1980), (QuotaCalls, later.UrlsLeft));
    }

    [Fact]
    public async Task A_submission_reads_the_quota_afresh_and_the_quota_shown_after_it_counts_what_it_spent()
    {
        Assert.Equal(100, (await Provider.GetQuotaAsync()).DirectoriesLeft);

        var submission = await Provider.SubmitAsync(new CdnPurgeBatch("request-1",
            [.. Enumerable.Range(1, 3).Select(n => new CdnPurgeAsset($"video-{n}", $"https://cdn.example.test/vod/video-{n}", [$"https://cdn.example.test/vod/video-{n}/index.m3u8"]))]));
        var after = await Provider.GetQuotaAsync();

        Assert.Equal(3, submission.Outcomes.Count(o => o.Accepted));
        Assert.Equal((3, 97), (QuotaCalls, after.DirectoriesLeft));
    }

    [Fact]
    public async Task A_quota_VOD_would_not_tell_is_not_kept_and_the_next_card_asks_again()
    {
        _vod.ReplyOnceTo("DescribeVodRefreshQuota", 403, """{"RequestId":"Q-1","Code":"Forbidden.RAM","Message":"User not authorized to operate on the specified resource."}""");

        var refused = await Provider.GetQuotaAsync();
        var next = await Provider.GetQuotaAsync();

        Assert.NotNull(refused.UnknownBecause);
        Assert.Equal((2, null, 2000), (QuotaCalls, next.UnknownBecause, next.UrlsLeft));
    }
}
