using MediaAdmin.Core.Cdn.Purge;

namespace MediaAdmin.Web.Components.Pages.Cdn;

/// <summary>
/// Reads a component's deletions again whenever Core says one of them moved, and every <c>Cdn:Purge:PageRereadInterval</c>
/// while one it shows may still move (its reminder open, or its files still being removed): Core's change event is
/// in-process, and another instance's worker or a person on another instance moves deletions too. Changes that arrive while a read runs are folded into one more
/// read, on the component's dispatcher.
/// </summary>
public sealed class CdnLiveUpdates : IDisposable
{
    private readonly CdnPurgeNotifier _notifier;
    private readonly Func<CdnPurgeChanged, bool> _concerns;
    private readonly Func<Func<Task>, Task> _dispatch;
    private readonly Func<CancellationToken, Task> _reload;
    private readonly CancellationTokenSource _stopping = new();
    private bool _reloading;
    private bool _again;
    private bool _disposed;

    /// <param name="notifier">Core's change event, subscribed to until <see cref="Dispose"/>.</param>
    /// <param name="concerns">Whether a change is about what the component shows.</param>
    /// <param name="dispatch">The component's InvokeAsync: the event is raised on the worker's thread.</param>
    /// <param name="reload">Reads again and renders.</param>
    /// <param name="reread">How often to read again, and whether a deletion the component shows may still move (only then it reads).</param>
    public CdnLiveUpdates(
        CdnPurgeNotifier notifier, Func<CdnPurgeChanged, bool> concerns, Func<Func<Task>, Task> dispatch, Func<CancellationToken, Task> reload,
        (TimeSpan Every, Func<bool> MayStillMove) reread)
    {
        ArgumentNullException.ThrowIfNull(notifier);
        (_notifier, _concerns, _dispatch, _reload) = (notifier, concerns, dispatch, reload);
        _notifier.Changed += OnChanged;
        _ = RereadWhileMovingAsync(reread.Every, reread.MayStillMove, _stopping.Token);
    }

    private async Task RereadWhileMovingAsync(TimeSpan every, Func<bool> mayStillMove, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await _dispatch(() => mayStillMove() ? ReloadAsync() : Task.CompletedTask);
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the component closed.
        }
        catch (ObjectDisposedException)
        {
            // The circuit's renderer went away before the component was disposed.
        }
    }

    private void OnChanged(CdnPurgeChanged change)
    {
        if (!_disposed && _concerns(change))
        {
            _ = _dispatch(ReloadAsync);
        }
    }

    private async Task ReloadAsync()
    {
        if (_reloading)
        {
            _again = true;
            return;
        }

        _reloading = true;
        try
        {
            do
            {
                _again = false;
                if (_disposed)
                {
                    return;
                }

                await _reload(_stopping.Token);
            }
            while (_again);
        }
        catch (OperationCanceledException) when (_disposed)
        {
            // The page closed while it read; nothing is left to show it on.
        }
        finally
        {
            _reloading = false;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _notifier.Changed -= OnChanged;
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
