namespace MediaAdmin.Core.Accounts;

/// <summary>An account as the administration page lists it.</summary>
public sealed record AccountSummary(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut, DateTime CreatedAtUtc);
