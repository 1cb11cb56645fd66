using MediaAdmin.Core.Accounts;

namespace MediaAdmin.Core.Sources.AlibabaVod;

/// <summary>
/// The account that owns every mirrored video: Alibaba has no owner per video, and a library row needs one.
/// It is disabled and has no password, so nobody can sign in as it; who may delete goes by granted category.
/// </summary>
public static class RemoteLibraryOwner
{
    public const string UserId = "alibaba-vod-library";

    public const string UserName = "alibaba-vod-library@mediaadmin.invalid";

    public const string DisplayName = "ApsaraVideo VOD";

    internal static MediaUser NewUser(DateTime nowUtc) => new()
    {
        Id = UserId,
        UserName = UserName,
        NormalizedUserName = UserName.ToUpperInvariant(),
        Email = UserName,
        NormalizedEmail = UserName.ToUpperInvariant(),
        EmailConfirmed = true,
        DisplayName = DisplayName,
        IsDisabled = true,
        LockoutEnabled = true,
        LockoutEnd = DateTimeOffset.MaxValue,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString("N"),
        CreatedAtUtc = nowUtc,
    };
}
