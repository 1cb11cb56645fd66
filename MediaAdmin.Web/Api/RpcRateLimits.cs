using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Web.Api;

/// <summary>Per-user DeleteVideo rate (Alibaba's 30 per second), and a brake on addresses that keep failing signatures.</summary>
public sealed class RpcRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> _deletes;
    private readonly PartitionedRateLimiter<string> _signatureFailures;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public RpcRateLimits(IOptions<ApiOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        var settings = options.Value;
        _deletes = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.DeleteVideoPerSecond,
            Window = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        }));
        _signatureFailures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.SignatureFailuresPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    public bool TryDeleteVideo(string userId)
    {
        using var lease = _deletes.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public bool IsBlocked(string address) => _blockedUntil.TryGetValue(address, out var until) && until > _clock.GetUtcNow();

    /// <summary>Counts a failed signature; past the limit the address is refused for a minute, whatever it sends.</summary>
    public void SignatureFailed(string address)
    {
        using var lease = _signatureFailures.AttemptAcquire(address);
        if (!lease.IsAcquired)
        {
            _blockedUntil[address] = _clock.GetUtcNow().AddMinutes(1);
        }
    }

    public void Dispose()
    {
        _deletes.Dispose();
        _signatureFailures.Dispose();
    }
}
