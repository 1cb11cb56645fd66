namespace MediaAdmin.Core.Events;

/// <summary>
/// <c>Events</c>: with the local library, where MediaAdmin sends ApsaraVideo VOD's event callbacks
/// (DeleteMediaComplete, FileUploadComplete, ...) and the key that signs them; no URL, no callbacks.
/// </summary>
public sealed class EventsOptions
{
    public const string Section = "Events";

    /// <summary>Alibaba's rule: a callback is tried three times, then discarded.</summary>
    public const int MaxAttempts = 3;

    public string? CallbackUrl { get; set; }

    public string? PrivateKey { get; set; }

    /// <summary>The wait before the second attempt and again before the third: Alibaba retries 1 second apart.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take before it counts as failed: Alibaba waits 5 seconds for the answer.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Days a sent or abandoned callback (its whole body) is kept before it is pruned; pending ones are never pruned.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>How often the sender looks for callbacks written by this or another instance.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public bool SendsCallbacks => !string.IsNullOrWhiteSpace(CallbackUrl);
}
