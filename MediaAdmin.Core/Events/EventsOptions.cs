namespace MediaAdmin.Core.Events;

/// <summary>
/// <c>Events</c>: with the local library, where MediaAdmin sends ApsaraVideo VOD's event callbacks
/// (DeleteMediaComplete, FileUploadComplete, ...) and the key that signs them; no URL, no callbacks.
/// </summary>
public sealed class EventsOptions
{
    public const string Section = "Events";

    public string? CallbackUrl { get; set; }

    public string? PrivateKey { get; set; }

    public bool SendsCallbacks => !string.IsNullOrWhiteSpace(CallbackUrl);
}
