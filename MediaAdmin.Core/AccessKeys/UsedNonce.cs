namespace MediaAdmin.Core.AccessKeys;

/// <summary>A SignatureNonce already accepted; kept for longer than a timestamp stays valid, so no request is accepted twice.</summary>
public sealed class UsedNonce
{
    public const int MaxLength = 128;

    public required string Nonce { get; set; }

    public DateTime SeenAtUtc { get; set; }
}
