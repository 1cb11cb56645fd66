using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Core.Deletion;

/// <summary>Assets a request deleted, as open library pages hear of it.</summary>
public sealed record AssetsDeleted(string RequestId, string DeletedBy, IReadOnlyList<string> VideoIds);

/// <summary>
/// Tells every open library page in this process which assets were just deleted, whichever door the
/// deletion came through and whichever instance committed it. Each request is raised once, however
/// many routes (this process, Redis, the database poll) bring it. Subscribers must not block: the
/// deleting request waits for them.
/// </summary>
public sealed class DeletionNotifier
{
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _raised = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private long _nextPruneTicks;

    public DeletionNotifier(TimeProvider clock) => _clock = clock;

    /// <summary>Assets deleted by any instance.</summary>
    public event Action<AssetsDeleted>? Deleted;

    /// <summary>Assets deleted by this instance only, for the relays that tell the other instances.</summary>
    internal event Action<AssetsDeleted>? DeletedHere;

    internal void Publish(AssetsDeleted deleted)
    {
        // The database poll may have found this instance's own commit first; the relays must hear of it all the same.
        if (Remember(deleted.RequestId))
        {
            Deleted?.Invoke(deleted);
        }

        DeletedHere?.Invoke(deleted);
    }

    /// <summary>
    /// Raises a deletion this instance committed, whichever way (here or through Alibaba). A page that failed to hear of
    /// it must not turn a done deletion into an error, so a listener's failure is logged, not thrown.
    /// </summary>
    internal void PublishCommitted(AssetsDeleted deleted, ILogger logger)
    {
        try
        {
            Publish(deleted);
        }
#pragma warning disable CA1031 // See the summary: the deletion is committed whatever a listener does.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "A listener failed on the news of DeleteVideo {RequestId}", deleted.RequestId);
        }
    }

    /// <summary>Raises a deletion another instance committed, unless it was already raised here.</summary>
    internal void PublishFromElsewhere(AssetsDeleted deleted)
    {
        if (Remember(deleted.RequestId))
        {
            Deleted?.Invoke(deleted);
        }
    }

    private bool Remember(string requestId)
    {
        var now = _clock.GetUtcNow();
        var due = Interlocked.Read(ref _nextPruneTicks);
        if (now.UtcTicks >= due && Interlocked.CompareExchange(ref _nextPruneTicks, now.UtcTicks + TimeSpan.TicksPerMinute, due) == due)
        {
            foreach (var (id, at) in _raised)
            {
                if (now - at > Remembered)
                {
                    _raised.TryRemove(id, out _);
                }
            }
        }

        return _raised.TryAdd(requestId, now);
    }
}
