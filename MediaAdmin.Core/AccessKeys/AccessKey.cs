namespace MediaAdmin.Core.AccessKeys;

/// <summary>An AccessKey pair of a user, for calling the VOD API. The secret is stored protected, never in clear.</summary>
public sealed class AccessKey
{
    public const int MaxPerUser = 2;

    public required string Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>The secret, encrypted with ASP.NET Core Data Protection (key ring in the database).</summary>
    public required string ProtectedSecret { get; set; }

    public bool IsEnabled { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastUsedAtUtc { get; set; }
}
