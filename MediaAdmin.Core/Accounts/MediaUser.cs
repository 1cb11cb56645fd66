using Microsoft.AspNetCore.Identity;

namespace MediaAdmin.Core.Accounts;

public sealed class MediaUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public string? DisplayName { get; set; }

    /// <summary>An administrator switched the account off; it can neither sign in nor call the API.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Whether the account may act at <paramref name="now"/>: not disabled and not locked out.</summary>
    public bool IsActiveAt(DateTimeOffset now) => IsActive(IsDisabled, LockoutEnd, now);

    /// <summary>The same rule for a projected row, so queries that do not load the user apply it alike.</summary>
    public static bool IsActive(bool isDisabled, DateTimeOffset? lockoutEnd, DateTimeOffset now) => !isDisabled && !(lockoutEnd > now);
}
