using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// Drives each due deletion one step along Pending → Purging → Purged → Verified (or Failed): sends what the CDN
/// has not accepted yet, checks the provider's tasks, probes the public URLs. Each step is claimed with a lease
/// in the database first, so a step that died with its process is taken up again once the lease ends.
/// </summary>
internal sealed class CdnPurgeRunner(
    IDbContextFactory<MediaDbContext> dbFactory,
    ICdnPurgeProvider provider,
    CdnPurgeVerifier verifier,
    IOptions<CdnPurgeOptions> options,
    CdnPurgeNotifier notifier,
    TimeProvider clock,
    ILogger<CdnPurgeRunner> logger)
{
    private const int RoundSize = 20;

    private CdnPurgeOptions Settings => options.Value;

    /// <summary>Works every due deletion (up to a round's worth) one step; returns how many it worked.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var automatic = Settings.Automatic;
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.CdnInvalidations.AsNoTracking()
                .Where(i => i.RefreshedAtUtc == null && i.NextPurgeAtUtc != null && i.NextPurgeAtUtc <= now)
                .Where(i => i.PurgeState == CdnPurgeState.Purging || i.PurgeState == CdnPurgeState.Purged
                    || (i.PurgeState == CdnPurgeState.Pending && (automatic || i.PurgeRequestedAtUtc != null)))
                .OrderBy(i => i.NextPurgeAtUtc).Select(i => i.Id).Take(RoundSize)
                .ToListAsync(cancellationToken);
        }

        var worked = 0;
        foreach (var id in due)
        {
            if (await ClaimAsync(id, now, cancellationToken))
            {
                await StepAsync(id, cancellationToken);
                worked++;
            }
        }

        return worked;
    }

    /// <summary>Moves the step's next time past the lease, unless another round (or instance) took it first.</summary>
    private async Task<bool> ClaimAsync(long id, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CdnInvalidations
            .Where(i => i.Id == id && i.NextPurgeAtUtc != null && i.NextPurgeAtUtc <= now && i.RefreshedAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.NextPurgeAtUtc, now + Settings.StepLease), cancellationToken) == 1;
    }

    private async Task StepAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.CdnInvalidations.SingleAsync(i => i.Id == id, cancellationToken);
        var rows = await db.Set<CdnPurgeUrl>().Where(u => u.InvalidationId == id).OrderBy(u => u.Id).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            if (await WaitForListingsAsync(db, job, cancellationToken))
            {
                return;
            }

            rows = CdnPurgeUrlRows.Expand(id, await CdnPurgeExpansion.AssetsAsync(db, job, cancellationToken), Settings.SegmentSampleSize);
            db.AddRange(rows);
        }

        var before = job.PurgeState;
        if (job.PurgeState == CdnPurgeState.Purged)
        {
            await verifier.ProbeAsync(job, rows, cancellationToken);
        }
        else if (job.PurgeState == CdnPurgeState.Purging && job.PurgeTaskIds.Length > 0 && CdnPurgeUrlRows.Outstanding(rows).Count == 0)
        {
            await CdnPurgeTransitions.CheckTasksAsync(provider, job, Settings, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        else
        {
            await SubmitAsync(db, job, rows, cancellationToken);
        }

        if (!await CdnPurgeTransitions.SaveUnlessClosedAsync(db, job, cancellationToken))
        {
            logger.LogInformation("CDN purge of DeleteVideo {RequestId} was closed by a person during the step; the step's result is dropped", job.RequestId);
            return;
        }

        if (job.PurgeState != before)
        {
            logger.LogInformation("CDN purge of DeleteVideo {RequestId}: {From} -> {To}", job.RequestId, before, job.PurgeState);
        }

        notifier.Publish(job.RequestId, job.PurgeState);
    }

    /// <summary>
    /// Saves the job as waiting while a removal of its assets has yet to list their files, until
    /// <see cref="CdnPurgeOptions.ListingWait"/> after the delete; true when it waits.
    /// </summary>
    private async Task<bool> WaitForListingsAsync(MediaDbContext db, CdnInvalidation job, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await CdnPurgeExpansion.WaitingAsync(db, job, cancellationToken);
        var giveUpAtUtc = job.DeletedAtUtc + Settings.ListingWait;
        if (waiting == 0 || now >= giveUpAtUtc)
        {
            if (waiting > 0)
            {
                logger.LogWarning("CDN purge of DeleteVideo {RequestId} goes on without the files of {Waiting} asset(s) whose removal has not listed them after {ListingWait}", job.RequestId, waiting, Settings.ListingWait);
            }

            return false;
        }

        // Looked at again at the worker's pace: a listing may be kept by another instance's removal, which cannot wake this worker.
        var reason = CdnPurgeExpansion.WaitReason(waiting);
        var news = reason != job.PurgeWaitReason;
        var nextLookAtUtc = now + Settings.WorkerPollInterval;
        (job.PurgeWaitReason, job.NextPurgeAtUtc) = (reason, nextLookAtUtc < giveUpAtUtc ? nextLookAtUtc : giveUpAtUtc);
        if (await CdnPurgeTransitions.SaveUnlessClosedAsync(db, job, cancellationToken) && news)
        {
            notifier.Publish(job.RequestId, job.PurgeState);
        }

        return true;
    }

    private async Task SubmitAsync(MediaDbContext db, CdnInvalidation job, List<CdnPurgeUrl> rows, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (job.PurgeAttempts >= Settings.MaxAttempts)
        {
            CdnPurgeTransitions.Fail(job, $"Gave up after {job.PurgeAttempts} attempts. Last error: {job.PurgeError ?? "none"}");
            return;
        }

        // Purging is saved before the CDN hears of it: a process that dies mid-request resumes this job.
        job.PurgeState = CdnPurgeState.Purging;
        job.PurgeAttempts++;
        job.PurgeWaitReason = null;
        job.PurgeWaitUntilUtc = null;
        if (!await CdnPurgeTransitions.SaveUnlessClosedAsync(db, job, cancellationToken))
        {
            return;
        }

        notifier.Publish(job.RequestId, job.PurgeState);

        var outstanding = CdnPurgeUrlRows.Outstanding(rows);
        var earlierAttemptSince = job.PurgeAttempts > 1 ? job.DeletedAtUtc : (DateTime?)null;
        var submission = outstanding.Count == 0 ? new CdnPurgeSubmission([], [])
            : await provider.SubmitAsync(new CdnPurgeBatch(job.RequestId, outstanding, earlierAttemptSince), cancellationToken);
        var refused = CdnPurgeUrlRows.Apply(rows, submission.Outcomes);
        job.PurgeTaskIds = string.Join("\n", job.PurgeTaskIds.Split('\n', StringSplitOptions.RemoveEmptyEntries).Concat(submission.TaskIds).Distinct());
        if (refused.FirstOrDefault(r => !r.Retryable) is not null)
        {
            CdnPurgeTransitions.Fail(job, CdnPurgeTransitions.Describe("The CDN refused", refused.Where(r => !r.Retryable).ToList()));
        }
        else if (refused.Count > 0)
        {
            job.PurgeError = CdnPurgeTransitions.Describe("Will retry; the CDN did not take", refused);
            job.NextPurgeAtUtc = now + CdnPurgeTransitions.Backoff(Settings, job.PurgeAttempts);
        }
        else if (submission.WaitUntilUtc is { } until)
        {
            // Waiting for a quota is not a failed attempt.
            job.PurgeState = CdnPurgeState.Pending;
            job.PurgeAttempts--;
            job.PurgeWaitReason = submission.WaitReason;
            job.PurgeWaitUntilUtc = until;
            job.NextPurgeAtUtc = until;
        }
        else if (job.PurgeTaskIds.Length > 0)
        {
            job.PurgeError = null;
            job.NextPurgeAtUtc = now + Settings.ProbeInterval;
        }
        else
        {
            CdnPurgeTransitions.MarkPurged(job, now);
        }
    }
}
