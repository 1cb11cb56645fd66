namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>A deletion's purge moved: a new state, new URL results, or a person's action.</summary>
public sealed record CdnPurgeChanged(string RequestId, CdnPurgeState State);

/// <summary>
/// Tells open CDN refresh pages in this process that a deletion's purge changed, so they update without a
/// reload. Subscribers must not block: the worker waits for them.
/// </summary>
public sealed class CdnPurgeNotifier
{
    public event Action<CdnPurgeChanged>? Changed;

    internal void Publish(string requestId, CdnPurgeState state)
    {
        var listeners = Changed;
        if (listeners is null)
        {
            return;
        }

        foreach (var listener in listeners.GetInvocationList().Cast<Action<CdnPurgeChanged>>())
        {
            try
            {
                listener(new CdnPurgeChanged(requestId, state));
            }
#pragma warning disable CA1031 // A page that failed to hear of it must not stop the purge.
            catch (Exception)
#pragma warning restore CA1031
            {
                // The page reloads its data on its next change or visit.
            }
        }
    }
}
