namespace MediaAdmin.Core.AccessKeys;

/// <summary>An AccessKey as the console lists it (never with its secret).</summary>
public sealed record AccessKeySummary(string Id, string UserId, string UserName, bool IsEnabled, DateTime CreatedAtUtc, DateTime? LastUsedAtUtc);
