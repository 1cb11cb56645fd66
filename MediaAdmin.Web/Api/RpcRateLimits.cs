using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using MediaAdmin.Core.Instances;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Web.Api;

/// <summary>
/// Per-user DeleteVideo rate (Alibaba's 30 per second), counted across every instance; and a brake on
/// addresses that keep failing signatures, counted per instance.
/// </summary>
public sealed class RpcRateLimits : IDisposable
{
    private readonly ISharedRateLimiter _deletes;
    private readonly int _deletesPerSecond;
    private readonly PartitionedRateLimiter<string> _signatureFailures;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public RpcRateLimits(IOptions<ApiOptions> options, ISharedRateLimiter deletes, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        var settings = options.Value;
        _deletes = deletes;
        _deletesPerSecond = settings.DeleteVideoPerSecond;

        // Per process on purpose: the brake sheds load from addresses guessing secrets, and counting in the shared
        // database or Redis would add a write to every such request. An address spread over N instances gets N times the limit.
        _signatureFailures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.SignatureFailuresPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    public Task<RateDecision> DeleteVideoAsync(string userId, DateTimeOffset calledAt, CancellationToken cancellationToken) =>
        _deletes.AcquireAsync("DeleteVideo:" + userId, _deletesPerSecond, calledAt, cancellationToken);

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

    public void Dispose() => _signatureFailures.Dispose();
}
