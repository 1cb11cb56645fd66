using Microsoft.AspNetCore.Identity;

namespace MediaAdmin.Core.Accounts;

public sealed class MediaUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public string? DisplayName { get; set; }

    /// <summary>An administrator switched the account off; it can neither sign in nor call the API.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
