namespace MediaAdmin.Core.Cdn.UrlAuth;

/// <summary>A stored file /cdn may serve; <see cref="Signature"/> is how its URL was signed, null while URL authentication is off.</summary>
public sealed record CdnFileGrant(SignedUrlGrant? Signature);
