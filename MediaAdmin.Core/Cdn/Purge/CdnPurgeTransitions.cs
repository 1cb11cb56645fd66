using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>The changes a purge step makes to its job when it ends (purged, failed for good, or when to try again), and how they are saved.</summary>
internal static class CdnPurgeTransitions
{
    public static void MarkPurged(CdnInvalidation job, DateTime now)
    {
        job.PurgeState = CdnPurgeState.Purged;
        job.PurgedAtUtc = now;
        job.PurgeError = null;
        job.NextPurgeAtUtc = now;
    }

    public static void Fail(CdnInvalidation job, string reason)
    {
        job.PurgeState = CdnPurgeState.Failed;
        job.PurgeError = ColumnText.Shorten(reason, 4000);
        job.NextPurgeAtUtc = null;
    }

    /// <summary>The wait before retry <paramref name="attempt"/>: the base delay doubled per failed attempt, capped.</summary>
    public static TimeSpan Backoff(CdnPurgeOptions settings, int attempt)
    {
        var delay = settings.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        return delay < settings.RetryMaxDelay ? delay : settings.RetryMaxDelay;
    }

    /// <summary>What the CDN did not take, naming the first five URLs and why.</summary>
    public static string Describe(string what, IReadOnlyList<CdnPurgeUrlOutcome> refused) =>
        $"{what} {refused.Count} URL(s): " + string.Join("; ", refused.Take(5).Select(r => $"{r.Url}: {r.Error ?? "refused"}")) + (refused.Count > 5 ? "; …" : "");

    /// <summary>Purged once the provider's tasks all completed, Failed when one failed; otherwise looked at again after <see cref="CdnPurgeOptions.ProbeInterval"/>.</summary>
    public static async Task CheckTasksAsync(ICdnPurgeProvider provider, CdnInvalidation job, CdnPurgeOptions settings, DateTime now, CancellationToken cancellationToken)
    {
        var check = await provider.CheckTasksAsync(job.PurgeTaskIds.Split('\n', StringSplitOptions.RemoveEmptyEntries), cancellationToken);
        if (check.AnyFailed)
        {
            Fail(job, "The CDN's purge tasks failed: " + string.Join("; ", check.Tasks.Where(t => t.Status == CdnPurgeTaskStatus.Failed).Select(t => $"{t.TaskId}: {t.Error ?? "failed"}")));
        }
        else if (check.AllComplete)
        {
            MarkPurged(job, now);
        }
        else
        {
            job.NextPurgeAtUtc = now + settings.ProbeInterval;
        }
    }

    /// <summary>
    /// Saves the step only while nobody closed the deletion: a conditional update takes the row first, in the save's
    /// transaction, so a Mark done either committed before it (and the step's result is dropped: false) or waits for it.
    /// </summary>
    public static async Task<bool> SaveUnlessClosedAsync(MediaDbContext db, CdnInvalidation job, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var open = await db.CdnInvalidations.Where(i => i.Id == job.Id && i.RefreshedAtUtc == null)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.PurgeAttempts, i => i.PurgeAttempts), ct) == 1;
            if (open)
            {
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return open;
        }, cancellationToken);
    }
}
