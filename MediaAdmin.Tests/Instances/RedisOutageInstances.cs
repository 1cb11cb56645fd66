using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Instances;

/// <summary>Two instances on a Redis a test may stop: the database is read every half second while Redis is away, hourly while it is there.</summary>
public sealed class RedisOutageInstances() : TwoInstances(new RedisServer())
{
    public static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(500);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Notifications:PollInterval"] = PollInterval.ToString(),
    };
}
