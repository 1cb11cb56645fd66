using MediaAdmin.Core.Data;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// What people do with deletions' CDN purges: Refresh now (one or a selection), Retry a failed one, or mark one
/// done with a reason. Each takes a delete permission (own or any), like marking a reminder refreshed; the
/// worker does the purging.
/// </summary>
public sealed class CdnPurgeService(
    IDbContextFactory<MediaDbContext> dbFactory,
    PermissionService permissions,
    IOptions<CdnPurgeOptions> options,
    CdnPurgeSignal signal,
    CdnPurgeNotifier notifier,
    TimeProvider clock)
{
    /// <summary>The longest reason a person may give for marking a deletion done.</summary>
    public const int ReasonMaxLength = 1000;

    private const int MaxSelection = 500;

    private static readonly Problem NotAllowed = Problem.Forbidden("Only people who may delete assets may purge the CDN or mark a deletion done.");

    /// <summary>Queues a purge of each deletion named, now; deletions verified, marked done or already under way are skipped with the reason.</summary>
    public async Task<Result<CdnRefreshRequested>> RefreshNowAsync(string userId, IReadOnlyList<string> requestIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestIds);
        var ids = requestIds.Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim().ToUpperInvariant()).Distinct().ToList();
        if (ids.Count == 0)
        {
            return Problem.Invalid("Choose at least one deletion to refresh.");
        }

        if (ids.Count > MaxSelection)
        {
            return Problem.Invalid($"Refresh at most {MaxSelection} deletions at once; {ids.Count} were chosen.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await RefusalAsync(db, userId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var found = await db.CdnInvalidations.Where(i => ids.Contains(i.RequestId)).ToDictionaryAsync(i => i.RequestId, cancellationToken);
        if (found.Count == 0)
        {
            return Problem.NotFound(ids.Count == 1 ? $"No deletion {ids[0]} left URLs at the CDN." : "None of the chosen deletions left URLs at the CDN.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var queued = new List<string>();
        var skipped = new List<CdnRefreshSkipped>();
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var invalidation))
            {
                skipped.Add(new CdnRefreshSkipped(id, "No such deletion left URLs at the CDN."));
            }
            else if (WhyNotRefresh(invalidation) is { } reason)
            {
                skipped.Add(new CdnRefreshSkipped(id, reason));
            }
            else
            {
                CdnPurgeRequeue.Requeue(invalidation, now);
                queued.Add(id);
            }
        }

        var requeued = queued.Select(id => found[id].Id).ToList();
        db.RemoveRange(await db.Set<CdnPurgeUrl>().Where(u => requeued.Contains(u.InvalidationId)).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        Announce(queued);
        return new CdnRefreshRequested(queued, skipped);
    }

    /// <summary>Starts a Failed purge over: every URL is sent again and probed again.</summary>
    public async Task<Result<Done>> RetryAsync(string userId, string requestId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await RefusalAsync(db, userId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var invalidation = await FindAsync(db, requestId, cancellationToken);
        if (invalidation is null)
        {
            return Problem.NotFound($"No deletion {requestId} left URLs at the CDN.");
        }

        if (invalidation.PurgeState != CdnPurgeState.Failed || invalidation.RefreshedAtUtc is not null)
        {
            return Problem.Conflict(invalidation.RefreshedAtUtc is not null
                ? $"This deletion is closed ({CdnPurgeRequeue.Closed(invalidation)}); there is nothing to retry."
                : $"Only a Failed purge can be retried; this one is {invalidation.PurgeState}.");
        }

        CdnPurgeRequeue.Requeue(invalidation, clock.GetUtcNow().UtcDateTime);
        db.RemoveRange(await db.Set<CdnPurgeUrl>().Where(u => u.InvalidationId == invalidation.Id).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        Announce([invalidation.RequestId]);
        return Result.Ok();
    }

    /// <summary>Closes a deletion's reminder without a verified purge: who, when and why are kept on the record.</summary>
    public async Task<Result<Done>> MarkDoneAsync(string userId, string requestId, string? reason, CancellationToken cancellationToken = default)
    {
        var why = reason?.Trim() ?? "";
        if (why.Length == 0)
        {
            return Problem.Invalid("Say why this deletion is done without a verified purge (for example: refreshed by hand in the vendor's console).");
        }

        if (why.Length > ReasonMaxLength)
        {
            return Problem.Invalid($"The reason is {why.Length} characters long; at most {ReasonMaxLength} are kept.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var who = await permissions.GetAsync(db, userId, cancellationToken);
        if (!who.CanDeleteAssets)
        {
            return NotAllowed;
        }

        var invalidation = await FindAsync(db, requestId, cancellationToken);
        if (invalidation is null)
        {
            return Problem.NotFound($"No deletion {requestId} left URLs at the CDN.");
        }

        if (invalidation.RefreshedAtUtc is not null)
        {
            return Problem.Conflict($"Already closed: {CdnPurgeRequeue.Closed(invalidation)}.");
        }

        invalidation.RefreshedAtUtc = clock.GetUtcNow().UtcDateTime;
        invalidation.RefreshedByName = who.UserName;
        invalidation.RefreshedByUserId = who.UserId;
        invalidation.RefreshedReason = why;
        invalidation.NextPurgeAtUtc = null;

        // Closed, it waits for nothing any more: neither a quota nor the file removal's listing.
        (invalidation.PurgeWaitReason, invalidation.PurgeWaitUntilUtc) = (null, null);
        await db.SaveChangesAsync(cancellationToken);
        notifier.Publish(invalidation.RequestId, invalidation.PurgeState);
        return Result.Ok();
    }

    private async Task<Problem?> RefusalAsync(MediaDbContext db, string userId, CancellationToken cancellationToken)
    {
        if (!(await permissions.GetAsync(db, userId, cancellationToken)).CanDeleteAssets)
        {
            return NotAllowed;
        }

        return options.Value.ProviderKind is null or CdnPurgeProviderKind.None
            ? Problem.Conflict("No CDN purge provider is configured (Cdn:Purge:Provider is None): refresh the URLs in the vendor's console, then mark the deletion done.")
            : null;
    }

    private static Task<CdnInvalidation?> FindAsync(MediaDbContext db, string requestId, CancellationToken cancellationToken)
    {
        var id = requestId?.Trim().ToUpperInvariant() ?? "";
        return db.CdnInvalidations.SingleOrDefaultAsync(i => i.RequestId == id, cancellationToken);
    }

    private string? WhyNotRefresh(CdnInvalidation invalidation) => invalidation switch
    {
        { RefreshedAtUtc: null, PurgeState: CdnPurgeState.Pending, NextPurgeAtUtc: not null } when options.Value.Automatic => "Already queued: purging is automatic.",
        { RefreshedAtUtc: not null } => $"Already closed: {CdnPurgeRequeue.Closed(invalidation)}.",
        { PurgeState: CdnPurgeState.Purging or CdnPurgeState.Purged } => $"Already under way ({invalidation.PurgeState}).",
        { PurgeState: CdnPurgeState.Pending, PurgeRequestedAtUtc: not null } => "Already queued.",
        _ => null,
    };

    private void Announce(IReadOnlyList<string> requestIds)
    {
        foreach (var id in requestIds)
        {
            notifier.Publish(id, CdnPurgeState.Pending);
        }

        if (requestIds.Count > 0)
        {
            signal.Wake();
        }
    }
}
