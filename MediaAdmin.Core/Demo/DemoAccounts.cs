using MediaAdmin.Core.Permissions;

namespace MediaAdmin.Core.Demo;

/// <summary>The demo accounts, one or more per role. Their passwords are public (README): Development only.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-Password-1";

    public static IReadOnlyList<(string Email, string Role, string DisplayName)> All { get; } =
    [
        ("admin@mediaadmin.local", RoleNames.Administrator, "Ada Admin"),
        ("editor@mediaadmin.local", RoleNames.Editor, "Erin Editor"),
        ("editor2@mediaadmin.local", RoleNames.Editor, "Eli Editor"),
        ("viewer@mediaadmin.local", RoleNames.Viewer, "Vic Viewer"),
    ];
}
