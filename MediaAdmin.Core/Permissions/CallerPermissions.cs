using MediaAdmin.Core.Sources;

namespace MediaAdmin.Core.Permissions;

/// <summary>What a user may do right now, read from the database for one call.</summary>
public sealed record CallerPermissions(string UserId, string UserName, bool IsActive, IReadOnlySet<string> Granted)
{
    /// <summary>Where the library lives; with <see cref="LibrarySourceKind.AlibabaVod"/> ownership is by granted category.</summary>
    public LibrarySourceKind Source { get; init; }

    /// <summary>The categories an administrator granted to this user (read only for the AlibabaVod source).</summary>
    public IReadOnlySet<long> GrantedCategoryIds { get; init; } = new HashSet<long>();

    public static CallerPermissions Unknown(string userId) => new(userId, userId, false, new HashSet<string>());

    public bool Has(string permission) => IsActive && Granted.Contains(permission);

    /// <summary>May delete some assets: their own, or any.</summary>
    public bool CanDeleteAssets => Has(PermissionNames.DeleteOwnMedia) || Has(PermissionNames.DeleteAnyMedia);

    /// <summary>
    /// Why there is no asset at all the caller may delete (disabled, a role without deletion, or with the AlibabaVod
    /// source an Editor granted no category); null when there is some.
    /// </summary>
    public string? DeleteNothingReason()
    {
        if (!IsActive)
        {
            return "Your account is disabled or locked out.";
        }

        if (!CanDeleteAssets)
        {
            return "Your roles do not allow deleting assets.";
        }

        return Source == LibrarySourceKind.AlibabaVod && GrantedCategoryIds.Count == 0 && !Has(PermissionNames.DeleteAnyMedia)
            ? "No categories are granted to you, so there is no video you may delete; ask an administrator to grant you categories."
            : null;
    }

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

    /// <summary>Why the caller may not delete <paramref name="asset"/>, by owner or, for the AlibabaVod source, by category; null when it may.</summary>
    public string? DeleteDeniedReason(AssetOwnership asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return Source == LibrarySourceKind.AlibabaVod
            ? DeleteDeniedReasonInCategory(asset.CategoryId, asset.CategoryName, GrantedCategoryIds)
            : DeleteDeniedReason(asset.OwnerId, asset.OwnerName);
    }

    /// <summary>
    /// With the AlibabaVod source, where videos have no owner: why the caller may not delete a video in the category
    /// <paramref name="categoryId"/> (null: uncategorised); null when it may. An Editor "owns" the videos in the
    /// categories granted to them.
    /// </summary>
    public string? DeleteDeniedReasonInCategory(long? categoryId, string? categoryName, IReadOnlySet<long> grantedCategoryIds)
    {
        ArgumentNullException.ThrowIfNull(grantedCategoryIds);
        if (!IsActive)
        {
            return "Your account is disabled or locked out.";
        }

        if (Has(PermissionNames.DeleteAnyMedia)
            || (Has(PermissionNames.DeleteOwnMedia) && categoryId is { } granted && grantedCategoryIds.Contains(granted)))
        {
            return null;
        }

        if (!Has(PermissionNames.DeleteOwnMedia))
        {
            return "Your roles do not allow deleting assets.";
        }

        return categoryId is null
            ? "This video has no category, and you can delete only videos in the categories granted to you."
            : $"You can delete only videos in the categories granted to you; this one is in \"{categoryName ?? categoryId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}\", which is not granted to you.";
    }
}
