namespace MediaAdmin.Core.AccessKeys;

/// <summary>A new AccessKey pair: the only time its secret is ever shown.</summary>
public sealed record NewAccessKey(string Id, string Secret);
