namespace MediaAdmin.Core.Instances;

/// <summary>How instances sharing one database tell each other about deletions and share rate limits.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// A StackExchange.Redis configuration string (e.g. <c>redis.internal:6379,password=…</c>). When set, deletions
    /// travel through Redis pub/sub and rate windows are counted in Redis; when not, both go through the database.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>How often the database is read for deletions committed by other instances when Redis is not in use.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the database is still read while Redis works, for deletions whose message Redis lost.</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis);
}
