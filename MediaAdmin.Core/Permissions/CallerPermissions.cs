namespace MediaAdmin.Core.Permissions;

/// <summary>What a user may do right now, read from the database for one call.</summary>
public sealed record CallerPermissions(string UserId, string UserName, bool IsActive, IReadOnlySet<string> Granted)
{
    public static CallerPermissions Unknown(string userId) => new(userId, userId, false, new HashSet<string>());

    public bool Has(string permission) => IsActive && Granted.Contains(permission);

    /// <summary>May delete some assets: their own, or any.</summary>
    public bool CanDeleteAssets => Has(PermissionNames.DeleteOwnMedia) || Has(PermissionNames.DeleteAnyMedia);

    public bool CanDelete(string ownerId) =>
        Has(PermissionNames.DeleteAnyMedia) || (Has(PermissionNames.DeleteOwnMedia) && ownerId == UserId);

    /// <summary>Why the caller may not delete an asset of <paramref name="ownerId"/>; null when it may.</summary>
    public string? DeleteDeniedReason(string ownerId, string? ownerName)
    {
        if (!IsActive)
        {
            return "Your account is disabled or locked out.";
        }

        if (CanDelete(ownerId))
        {
            return null;
        }

        return Has(PermissionNames.DeleteOwnMedia)
            ? $"You can delete only assets you own; this one belongs to {ownerName ?? "another user"}."
            : "Your roles do not allow deleting assets.";
    }
}
