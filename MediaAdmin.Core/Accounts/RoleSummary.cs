namespace MediaAdmin.Core.Accounts;

/// <summary>A role and the permissions it grants.</summary>
public sealed record RoleSummary(string Name, IReadOnlyList<string> Permissions);
