namespace MediaAdmin.Core.AccessKeys;

/// <summary>The key a signed request names, with its secret for checking the signature.</summary>
public sealed record SigningKey(string Id, string UserId, string Secret, AccessKeyRefusal Refusal);
