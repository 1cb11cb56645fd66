using System.Globalization;

namespace MediaAdmin.Core.Cdn.Purge.AlibabaVod;

/// <summary>
/// Alibaba counts refresh quotas per day of the only region that serves the refresh API, China (Shanghai):
/// a day in China Standard Time (UTC+8, no daylight saving), so the quota comes back at 16:00 UTC.
/// </summary>
internal static class AlibabaVodQuotaDay
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>The next midnight in China Standard Time after <paramref name="now"/>, in UTC.</summary>
    public static DateTime NextResetUtc(DateTimeOffset now)
    {
        var local = now.ToOffset(ChinaStandardTime);
        return new DateTimeOffset(local.Date.AddDays(1), ChinaStandardTime).UtcDateTime;
    }

    /// <summary>Why the rest of a batch waits, e.g. "Daily URL refresh quota used up (2,000 a day); 4 URLs wait until …".</summary>
    public static string WaitReason(bool directories, int perDay, int waiting, DateTime untilUtc) => string.Format(
        CultureInfo.InvariantCulture,
        "Daily {0} refresh quota used up ({1:N0} a day); {2:N0} {3} wait until {4:yyyy-MM-dd HH:mm} UTC (midnight in China Standard Time, when ApsaraVideo VOD resets it).",
        directories ? "directory" : "URL", perDay, waiting, (directories, waiting == 1) switch
        {
            (true, true) => "directory",
            (true, false) => "directories",
            (false, true) => "URL",
            (false, false) => "URLs",
        }, untilUtc);
}
