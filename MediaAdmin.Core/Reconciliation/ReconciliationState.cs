namespace MediaAdmin.Core.Reconciliation;

/// <summary>Where a reconciliation run stands.</summary>
public enum ReconciliationState
{
    Running = 0,
    Completed = 1,
    Failed = 2,
}
