using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediaAdmin.Core.Results;

namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>
/// The fields of an ApsaraVideo VOD event notification the mirror acts on: EventType, EventTime, the video
/// (VideoId, or MediaId in DeleteMediaComplete), Status, and for deletions MediaType and DeleteType.
/// </summary>
public sealed record VodEventNotice(
    string EventType, string EventTime, DateTime EventTimeUtc, string? VideoId, string? Status, string? MediaType, string? DeleteType, string Distinction)
{
    public const string DeleteMediaComplete = "DeleteMediaComplete";

    private const int MaxVideoIdLength = 64;

    /// <summary>Fields that tell apart events of one type for one video at one second, such as two streams' StreamTranscodeComplete.</summary>
    private static readonly string[] DistinguishingFields = ["JobId", "Definition", "Format", "SubType"];

    /// <summary>The same for every resend of this event: a SHA-256 of what identifies it, the <see cref="ReceivedVodEvent.EventKey"/>.</summary>
    public string Key => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', EventType, VideoId, EventTime, Distinction))));

    /// <summary>A successful removal of the whole video, not of one of its files or streams.</summary>
    public bool RemovesVideo =>
        EventType == DeleteMediaComplete
        && string.Equals(Status, "success", StringComparison.OrdinalIgnoreCase)
        && (DeleteType is null || string.Equals(DeleteType, "all", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether it concerns a video (or audio) the mirror may hold, not an image or an auxiliary media asset.</summary>
    public bool ConcernsVideo => VideoId is not null && (MediaType is null || string.Equals(MediaType, "video", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads a callback body; a body that is not a JSON object with EventType and EventTime is refused, saying why.</summary>
    public static Result<VodEventNotice> Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return Problem.Invalid($"The body is not JSON ({ex.Message}); ApsaraVideo VOD sends an event notification as a JSON object.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Problem.Invalid($"The body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not the object of an event notification.");
            }

            if (Text(root, "EventType") is not { Length: > 0 and <= ReceivedVodEvent.EventTypeMaxLength } eventType)
            {
                return Problem.Invalid($"The body has no EventType (a string of 1 to {ReceivedVodEvent.EventTypeMaxLength} characters), so it is not an event notification.");
            }

            if (Text(root, "EventTime") is not { } eventTime
                || !DateTime.TryParse(eventTime, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var eventTimeUtc))
            {
                return Problem.Invalid("The body has no EventTime in UTC (yyyy-MM-ddTHH:mm:ssZ), so it is not an event notification.");
            }

            var videoId = Text(root, "VideoId") ?? Text(root, "MediaId");
            if (videoId is { Length: 0 or > MaxVideoIdLength } || videoId?.Contains(',', StringComparison.Ordinal) == true)
            {
                return Problem.Invalid($"The video ID '{videoId}' is not one ApsaraVideo VOD hands out (1 to {MaxVideoIdLength} characters, no comma).");
            }

            var distinction = string.Join('\n', DistinguishingFields.Select(field => Text(root, field)));
            return new VodEventNotice(
                eventType, eventTime, DateTime.SpecifyKind(eventTimeUtc, DateTimeKind.Utc), videoId,
                Text(root, "Status"), Text(root, "MediaType"), Text(root, "DeleteType"), distinction);
        }
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
