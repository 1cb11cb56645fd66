namespace MediaAdmin.Core.Reconciliation;

public enum FindingKind
{
    /// <summary>A file in storage that no live asset, pending removal or running ingest accounts for.</summary>
    Orphan = 0,

    /// <summary>A file row of a live asset whose file is not in storage.</summary>
    Missing = 1,
}
