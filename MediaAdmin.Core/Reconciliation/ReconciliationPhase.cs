namespace MediaAdmin.Core.Reconciliation;

/// <summary>The two walks of a run: storage against the database, then the database against storage.</summary>
public enum ReconciliationPhase
{
    /// <summary>Listing storage and looking for files nothing accounts for.</summary>
    Storage = 0,

    /// <summary>Paging through the library's file rows and looking for files storage does not have.</summary>
    Library = 1,

    Done = 2,
}
