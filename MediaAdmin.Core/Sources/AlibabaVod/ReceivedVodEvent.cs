namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>
/// An ApsaraVideo VOD event callback that was authenticated and applied; its unique <see cref="EventKey"/> makes a
/// resent callback (Alibaba tries three times) a no-op.
/// </summary>
public sealed class ReceivedVodEvent
{
    public const int EventKeyMaxLength = 64;

    public const int EventTypeMaxLength = 64;

    public const int OutcomeMaxLength = 512;

    public long Id { get; set; }

    /// <summary>A hash of what identifies the event (its type, video and event time), the same on every resend.</summary>
    public required string EventKey { get; set; }

    public required string EventType { get; set; }

    public string? VideoId { get; set; }

    public DateTime? EventTimeUtc { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>What applying it changed in the mirror, for the Source page.</summary>
    public string? Outcome { get; set; }
}
