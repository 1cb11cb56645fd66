namespace MediaAdmin.Core.Reconciliation;

/// <summary>What a run did about a finding.</summary>
public enum FindingOutcome
{
    /// <summary>A dry run: only reported.</summary>
    Reported = 0,

    /// <summary>The orphan was removed from storage.</summary>
    Removed = 1,

    /// <summary>The orphan is younger than the grace period (an upload may still be writing it), so it was kept.</summary>
    TooRecent = 2,

    /// <summary>Removing the orphan failed; <see cref="ReconciliationFinding.Error"/> says why.</summary>
    RemoveFailed = 3,

    /// <summary>The asset of the missing file was marked as missing files.</summary>
    AssetMarked = 4,
}
