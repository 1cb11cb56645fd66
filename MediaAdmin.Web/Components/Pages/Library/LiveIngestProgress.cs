using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;

namespace MediaAdmin.Web.Components.Pages.Library;

/// <summary>
/// The ingest progress of the library rows on screen. While any of them is uploading, queued or transcoding,
/// it re-reads those rows from the database every <see cref="Interval"/>, and stops once none is in flight.
/// </summary>
/// <param name="service">Reads progress from the database.</param>
/// <param name="onChanged">Runs after each re-read; its argument says whether some row left flight (reached Normal, failed or was deleted).</param>
/// <param name="onFailed">Receives an unexpected failure of the re-reading, which then stops.</param>
internal sealed class LiveIngestProgress(IngestProgressService service, Func<bool, Task> onChanged, Func<Exception, Task> onFailed) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1.5);

    private readonly CancellationTokenSource _disposed = new();
    private IReadOnlyDictionary<string, AssetProgress> _progress = new Dictionary<string, AssetProgress>();
    private bool _polling;

    /// <summary>The latest progress read for <paramref name="assetId"/>; null for a row that was Normal when loaded.</summary>
    public AssetProgress? For(string assetId) => _progress.GetValueOrDefault(assetId);

    /// <summary>Reads the progress of the freshly loaded <paramref name="rows"/>, and keeps it fresh while any is in flight.</summary>
    public async Task TrackAsync(IEnumerable<LibraryRow> rows, CancellationToken cancellationToken)
    {
        var unsettled = rows.Where(r => r.Status != MediaStatus.Normal).Select(r => r.Id).ToList();
        _progress = await service.ReadAsync(unsettled, cancellationToken);
        if (!_polling && !_disposed.IsCancellationRequested && _progress.Values.Any(p => p.IsInFlight))
        {
            _polling = true;
            _ = PollAsync(_disposed.Token);
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(Interval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var inFlight = _progress.Values.Where(p => p.IsInFlight).Select(p => p.AssetId).ToList();
                if (inFlight.Count == 0)
                {
                    return;
                }

                var fresh = await service.ReadAsync(inFlight, cancellationToken);
                var merged = _progress.Where(p => !inFlight.Contains(p.Key)).Concat(fresh).ToDictionary();
                var someLeftFlight = inFlight.Exists(id => !fresh.TryGetValue(id, out var now) || !now.IsInFlight);
                _progress = merged;
                await onChanged(someLeftFlight);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page was closed.
        }
        catch (Exception failure)
        {
            await onFailed(failure);
        }
        finally
        {
            _polling = false;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
