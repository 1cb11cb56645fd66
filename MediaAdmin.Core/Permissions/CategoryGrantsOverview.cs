namespace MediaAdmin.Core.Permissions;

/// <summary>
/// What the accounts page needs to show and edit category grants: every category by name, the accounts that may
/// hold grants (Editors that are not Administrators), and the categories granted to each account, by account ID.
/// </summary>
public sealed record CategoryGrantsOverview(
    IReadOnlyList<string> CategoryNames,
    IReadOnlySet<string> GranteeIds,
    IReadOnlyDictionary<string, IReadOnlyList<string>> GrantedByUserId)
{
    /// <summary>The categories granted to <paramref name="userId"/>, by name; empty when none.</summary>
    public IReadOnlyList<string> GrantedTo(string userId) => GrantedByUserId.GetValueOrDefault(userId) ?? [];
}
