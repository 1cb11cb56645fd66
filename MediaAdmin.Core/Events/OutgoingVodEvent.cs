namespace MediaAdmin.Core.Events;

/// <summary>
/// An event callback the local library owes <c>Events:CallbackUrl</c>, written in the transaction of what it
/// reports so it survives a restart; sent with Alibaba's retry rule (three attempts, then given up).
/// </summary>
public sealed class OutgoingVodEvent
{
    public const int EventTypeMaxLength = 64;

    public const int ErrorMaxLength = 1024;

    public long Id { get; set; }

    public required string EventType { get; set; }

    public string? VideoId { get; set; }

    /// <summary>The JSON body exactly as it is sent (and signed).</summary>
    public required string Body { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>Set when the third attempt failed, as Alibaba discards such a callback.</summary>
    public DateTime? AbandonedAtUtc { get; set; }

    public string? LastError { get; set; }
}
