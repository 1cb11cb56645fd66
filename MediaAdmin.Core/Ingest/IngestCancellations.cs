using System.Collections.Concurrent;
using MediaAdmin.Core.Deletion;

namespace MediaAdmin.Core.Ingest;

/// <summary>
/// Stops a running job the moment its asset is deleted in this process (ffmpeg killed, files removed);
/// a deletion elsewhere is caught by the job's own check of its asset, a second or so later.
/// </summary>
internal sealed class IngestCancellations : IDisposable
{
    private readonly ConcurrentDictionary<string, TrackedJob> _running = new(StringComparer.Ordinal);
    private readonly DeletionNotifier _notifier;

    public IngestCancellations(DeletionNotifier notifier)
    {
        _notifier = notifier;
        _notifier.Deleted += OnDeleted;
    }

    /// <summary>
    /// Tracks the job of <paramref name="assetId"/> until the returned registration is disposed. A deletion cancels
    /// <paramref name="attempt"/> (the token the attempt's steps check) as well as <paramref name="deleted"/> (which says
    /// why): a linked token would only learn of it once its callbacks ran on the thread pool, and meanwhile the attempt
    /// could store more outputs and reach its commit.
    /// </summary>
    public IDisposable Track(string assetId, CancellationTokenSource deleted, CancellationTokenSource attempt)
    {
        var job = new TrackedJob(deleted, attempt);
        _running[assetId] = job;
        return new Registration(() => _running.TryRemove(new KeyValuePair<string, TrackedJob>(assetId, job)));
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
                    // Not Cancel(): the deleting request must not wait while ffmpeg is killed. CancelAsync marks a
                    // source cancelled at once and runs its callbacks later.
                    _ = job.Deleted.CancelAsync();
                    _ = job.Attempt.CancelAsync();
                }
                catch (ObjectDisposedException)
                {
                    // The job ended between the lookup and here: nothing left to stop.
                }
            }
        }
    }

    private sealed record TrackedJob(CancellationTokenSource Deleted, CancellationTokenSource Attempt);

    private sealed class Registration(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
