using System.Collections.Concurrent;
using MediaAdmin.Core.Deletion;

namespace MediaAdmin.Core.Ingest;

/// <summary>
/// Stops a running job the moment its asset is deleted in this process (ffmpeg killed, files removed);
/// a deletion elsewhere is caught by the job's own check of its asset, a second or so later.
/// </summary>
internal sealed class IngestCancellations : IDisposable
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);
    private readonly DeletionNotifier _notifier;

    public IngestCancellations(DeletionNotifier notifier)
    {
        _notifier = notifier;
        _notifier.Deleted += OnDeleted;
    }

    /// <summary>Tracks the job of <paramref name="assetId"/> until the returned registration is disposed.</summary>
    public IDisposable Track(string assetId, CancellationTokenSource job)
    {
        _running[assetId] = job;
        return new Registration(() => _running.TryRemove(new KeyValuePair<string, CancellationTokenSource>(assetId, job)));
    }

    public void Dispose() => _notifier.Deleted -= OnDeleted;

    private void OnDeleted(AssetsDeleted deleted)
    {
        foreach (var id in deleted.VideoIds)
        {
            if (_running.TryGetValue(id, out var job))
            {
                try
                {
                    // Not Cancel(): the deleting request must not wait while ffmpeg is killed.
                    _ = job.CancelAsync();
                }
                catch (ObjectDisposedException)
                {
                    // The job ended between the lookup and here: nothing left to stop.
                }
            }
        }
    }

    private sealed class Registration(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
