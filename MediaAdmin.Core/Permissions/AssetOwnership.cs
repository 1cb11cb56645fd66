namespace MediaAdmin.Core.Permissions;

/// <summary>What decides who may delete an asset: its owner (local library) or its category (AlibabaVod source).</summary>
public sealed record AssetOwnership(string OwnerId, string? OwnerName, long? CategoryId, string? CategoryName);
