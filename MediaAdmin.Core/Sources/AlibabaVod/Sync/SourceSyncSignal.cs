namespace MediaAdmin.Core.Sources.AlibabaVod.Sync;

/// <summary>Wakes this process's sync worker when "Sync now" was pressed here, instead of at its next poll.</summary>
public sealed class SourceSyncSignal : WakeSignal
{
    public void Wake() => Signal();
}
