namespace MediaAdmin.Core.Sources.AlibabaVod.Status;

/// <summary>An event callback from ApsaraVideo VOD that was applied, and what it changed in the mirror.</summary>
public sealed record ReceivedEventLine(string EventType, string? VideoId, DateTime? EventTimeUtc, DateTime ReceivedAtUtc, string? Outcome);
