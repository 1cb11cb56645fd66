using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Instances;

/// <summary>
/// Two instances on a Redis a test may stop (or, with <paramref name="redisDownAtStart"/>, start): the database is
/// read every half second while Redis is away, hourly while it is there.
/// </summary>
public sealed class RedisOutageInstances(bool redisDownAtStart = false) : TwoInstances(new RedisServer())
{
    public static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(500);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Notifications:PollInterval"] = PollInterval.ToString(),
        ["Notifications:Redis"] = Redis!.Configuration + ",connectTimeout=1000",
    };

    protected override bool StartRedisFirst => !redisDownAtStart;
}
