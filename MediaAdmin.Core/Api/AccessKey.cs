namespace MediaAdmin.Core.Api;

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

/// <summary>A SignatureNonce already accepted; kept for longer than a timestamp stays valid, so no request is accepted twice.</summary>
public sealed class UsedNonce
{
    public const int MaxLength = 128;

    public required string Nonce { get; set; }

    public DateTime SeenAtUtc { get; set; }
}
