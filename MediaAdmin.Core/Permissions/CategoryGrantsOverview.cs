namespace MediaAdmin.Core.Permissions;

/// <summary>
/// What the accounts page needs to show and edit category grants: every category, the accounts that may hold grants
/// (Editors that are not Administrators), and the categories granted to each account, by account ID.
/// </summary>
public sealed record CategoryGrantsOverview(
    IReadOnlyList<GrantableCategory> Categories,
    IReadOnlySet<string> GranteeIds,
    IReadOnlyDictionary<string, IReadOnlyList<GrantableCategory>> GrantedByUserId)
{
    /// <summary>The categories granted to <paramref name="userId"/>, in label order; empty when none.</summary>
    public IReadOnlyList<GrantableCategory> GrantedTo(string userId) => GrantedByUserId.GetValueOrDefault(userId) ?? [];
}
