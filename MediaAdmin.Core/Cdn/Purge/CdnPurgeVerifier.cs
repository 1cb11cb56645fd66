using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// Proves a purged deletion gone from the edge: its sampled public URLs must answer 404 or 410 (a miss the
/// origin answers for a deleted file). Verified closes the reminder; URLs still served past
/// <see cref="CdnPurgeOptions.VerifyFor"/> after the purge make it Failed, naming them.
/// </summary>
internal sealed class CdnPurgeVerifier(CdnPurgeProbe probe, IOptions<CdnPurgeOptions> options, TimeProvider clock)
{
    /// <summary>Who the reminder reads as closed by when the probe verified it.</summary>
    public const string VerifiedBy = "MediaAdmin (verified by probe)";

    public async Task ProbeAsync(CdnInvalidation job, IReadOnlyList<CdnPurgeUrl> rows, CancellationToken cancellationToken)
    {
        var open = rows.Where(r => r.Probed && !(r.ProbeStatus is { } status && CdnPurgeSummaries.IsGone(status))).ToList();
        var answers = await probe.HeadAsync(open.Select(r => r.Url).ToList(), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < open.Count; i++)
        {
            open[i].ProbeStatus = answers[i].Status;
            open[i].ProbeError = answers[i].Error is { } error ? ColumnText.Shorten(error, 1000) : null;
            open[i].ProbedAtUtc = now;
        }

        var stillServed = open.Where(r => !(r.ProbeStatus is { } status && CdnPurgeSummaries.IsGone(status))).ToList();
        if (stillServed.Count == 0)
        {
            job.PurgeState = CdnPurgeState.Verified;
            job.VerifiedAtUtc = now;
            job.RefreshedAtUtc = now;
            job.RefreshedByName = VerifiedBy;
            job.PurgeError = null;
            job.NextPurgeAtUtc = null;
        }
        else if (now >= (job.PurgedAtUtc ?? now) + options.Value.VerifyFor)
        {
            CdnPurgeTransitions.Fail(job, $"{stillServed.Count} URL(s) still answer {options.Value.VerifyFor} after the purge: "
                + string.Join("; ", stillServed.Select(r => $"{r.Url} ({(r.ProbeStatus is { } status ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : r.ProbeError)})")));
        }
        else
        {
            job.PurgeError = $"{stillServed.Count} URL(s) still answer; probing again until {(job.PurgedAtUtc ?? now) + options.Value.VerifyFor:u}.";
            job.NextPurgeAtUtc = now + options.Value.ProbeInterval;
        }
    }
}
