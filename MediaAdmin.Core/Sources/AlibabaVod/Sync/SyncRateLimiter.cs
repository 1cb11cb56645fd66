namespace MediaAdmin.Core.Sources.AlibabaVod.Sync;

/// <summary>
/// Spaces SearchMedia calls evenly at <c>AlibabaVod:SyncRequestsPerSecond</c>: each call takes the next free slot,
/// one interval after the last, so no second holds more calls than the rate allows and no burst borrows ahead.
/// </summary>
public sealed class SyncRateLimiter
{
    private readonly TimeProvider _clock;
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    public SyncRateLimiter(int callsPerSecond, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(callsPerSecond, 1);
        _clock = clock;
        _interval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / callsPerSecond);
    }

    /// <summary>Takes the next slot and answers how long to wait for it (zero when it is now).</summary>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + _interval;
            return slot - now;
        }
    }

    /// <summary>Returns when the caller may make its call.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var wait = Reserve();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _clock, cancellationToken);
        }
    }
}
