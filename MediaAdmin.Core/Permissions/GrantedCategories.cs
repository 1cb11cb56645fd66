namespace MediaAdmin.Core.Permissions;

/// <summary>The categories granted to one account, by name, after a read or a change.</summary>
public sealed record GrantedCategories(string UserId, string Email, IReadOnlyList<string> CategoryNames);
