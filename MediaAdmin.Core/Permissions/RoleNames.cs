namespace MediaAdmin.Core.Permissions;

public static class RoleNames
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Viewer = "Viewer";

    /// <summary>The roles seeded on every start, with the permissions they are created with.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Defaults { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [Administrator] = PermissionNames.All,
        [Editor] = [PermissionNames.ReadMedia, PermissionNames.UploadMedia, PermissionNames.DeleteOwnMedia],
        [Viewer] = [PermissionNames.ReadMedia],
    };
}
