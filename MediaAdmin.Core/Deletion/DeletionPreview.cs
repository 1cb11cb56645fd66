namespace MediaAdmin.Core.Deletion;

/// <summary>
/// The whole confirmation: every selected asset, which are missing already, and the totals of what will go.
/// It decides what the dialog may offer: a destructive button only when something can be deleted.
/// </summary>
public sealed record DeletionPreview(IReadOnlyList<DeletionPreviewItem> Items, IReadOnlyList<string> Missing)
{
    /// <summary>The assets the deletion will remove.</summary>
    public IReadOnlyList<DeletionPreviewItem> Deletable { get; } = Items.Where(i => i.CanDelete).ToList();

    /// <summary>The assets the user may not delete: they stay, each with its reason.</summary>
    public IReadOnlyList<DeletionPreviewItem> Kept { get; } = Items.Where(i => !i.CanDelete).ToList();

    /// <summary>False when nothing selected may be deleted: then only closing the dialog is offered.</summary>
    public bool CanConfirm => Deletable.Count > 0;

    public string Headline => CanConfirm
        ? $"Delete {Assets(Deletable.Count)} for good?"
        : "None of the selected assets can be deleted";

    /// <summary>The destructive button's label, with the count it removes.</summary>
    public string ConfirmLabel => $"Delete {Deletable.Count} permanently";

    public int FilesToRemove => Deletable.Sum(i => i.FileCount);

    public long BytesToRemove => Deletable.Sum(i => i.TotalBytes);

    public int MezzaninesToRemove => Deletable.Sum(i => i.Mezzanines);

    public int StreamsToRemove => Deletable.Sum(i => i.Streams);

    public int SnapshotsToRemove => Deletable.Sum(i => i.Snapshots);

    private static string Assets(int count) => count == 1 ? "1 asset" : $"{count} assets";
}
