namespace MediaAdmin.Core.Permissions;

/// <summary>Permissions carried as role claims of type <see cref="ClaimType"/>.</summary>
public static class PermissionNames
{
    public const string ClaimType = "mediaadmin:permission";

    public const string ReadMedia = "media.read";
    public const string DeleteOwnMedia = "media.delete.own";
    public const string DeleteAnyMedia = "media.delete.any";
    public const string UploadMedia = "media.upload";
    public const string ManageAccounts = "accounts.manage";

    public static IReadOnlyList<string> All { get; } = [ReadMedia, UploadMedia, DeleteOwnMedia, DeleteAnyMedia, ManageAccounts];

    public static string Describe(string permission) => permission switch
    {
        ReadMedia => "Browse the media library",
        UploadMedia => "Upload and import media",
        DeleteOwnMedia => "Delete assets they own",
        DeleteAnyMedia => "Delete any asset",
        ManageAccounts => "Manage accounts, roles and the audit log",
        _ => permission,
    };
}
