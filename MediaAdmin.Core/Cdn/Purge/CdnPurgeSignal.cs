namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>Wakes the purge worker when there is work now (a delete, Refresh now, Retry) instead of at its next poll.</summary>
public sealed class CdnPurgeSignal : WakeSignal
{
    internal void Wake() => Signal();
}
