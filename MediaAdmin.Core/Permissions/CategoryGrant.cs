namespace MediaAdmin.Core.Permissions;

/// <summary>
/// A category an administrator granted to an Editor: with the AlibabaVod source, where videos have no owner, an
/// Editor may delete ("own") the videos in the categories granted to them.
/// </summary>
public sealed class CategoryGrant
{
    public required string UserId { get; set; }

    public long CategoryId { get; set; }

    public DateTime GrantedAtUtc { get; set; }
}
