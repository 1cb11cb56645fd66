namespace MediaAdmin.Core.Cdn.UrlAuth;

/// <summary>A request's valid signature: the path it signs and its auth_key, whose issue time the files it refers to are signed with.</summary>
public sealed record SignedUrlGrant(string Path, TypeAAuthKey AuthKey);
