namespace MediaAdmin.Core.Deletion;

/// <summary>What the confirmation dialog shows for one selected asset.</summary>
public sealed record DeletionPreviewItem(
    string Id, string Title, int Mezzanines, int Streams, int Snapshots, long TotalBytes, string? DeniedReason)
{
    public bool CanDelete => DeniedReason is null;

    public int FileCount => Mezzanines + Streams + Snapshots;
}
