namespace MediaAdmin.Core.Cdn.Purge.AlibabaVod;

/// <summary>
/// The quota DescribeVodRefreshQuota last reported, kept for <see cref="FreshFor"/>: the CDN refresh page asks for it on
/// every card it opens, and each ask is an RPC on the account's API budget. A submission drops it, since it spends quota.
/// Only answers are kept; a quota VOD would not tell is asked for again.
/// </summary>
internal sealed class AlibabaVodQuotaCache(TimeProvider time)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(30);

    private Entry? _entry;
    private int _generation;

    public async Task<CdnPurgeQuota> GetAsync(Func<CancellationToken, Task<CdnPurgeQuota>> read, CancellationToken cancellationToken)
    {
        var generation = Volatile.Read(ref _generation);
        if (Volatile.Read(ref _entry) is { } kept && kept.Generation == generation && time.GetUtcNow() < kept.FreshUntil)
        {
            return kept.Quota;
        }

        var quota = await read(cancellationToken);
        // A submission while this read was under way may have spent quota this answer still counts.
        if (quota.UnknownBecause is null && Volatile.Read(ref _generation) == generation)
        {
            Volatile.Write(ref _entry, new Entry(quota, time.GetUtcNow() + FreshFor, generation));
        }

        return quota;
    }

    public void Drop()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _entry, null);
    }

    private sealed record Entry(CdnPurgeQuota Quota, DateTimeOffset FreshUntil, int Generation);
}
