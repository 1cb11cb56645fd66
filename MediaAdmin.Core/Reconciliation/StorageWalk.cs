using MediaAdmin.Core.Data;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Reconciliation;

/// <summary>
/// The first half of a run: lists storage in its own order, a page of keys at a time, and records the keys that no
/// file row, pending removal or unfinished ingest accounts for. A fix removes those older than the grace period.
/// </summary>
internal sealed class StorageWalk(IMediaStorage storage, IStoredFileAges? ages, TimeProvider clock, TimeSpan gracePeriod)
{
    /// <summary>Walks the keys after the <see cref="ReconciliationRun.KeysScanned"/> already looked at, calling <paramref name="pageDone"/> per page.</summary>
    public async Task WalkAsync(ReconciliationRun run, int pageSize, Func<IReadOnlyList<ReconciliationFinding>, int, string, Task> pageDone, MediaDbContext db, CancellationToken cancellationToken)
    {
        var skip = run.KeysScanned;
        var page = new List<string>(pageSize);
        await foreach (var key in storage.ListAsync(string.Empty, cancellationToken))
        {
            if (skip > 0)
            {
                skip--;
                continue;
            }

            page.Add(key.Value);
            if (page.Count == pageSize)
            {
                await pageDone(await CheckAsync(db, run, page, cancellationToken), page.Count, page[^1]);
                page.Clear();
            }
        }

        if (page.Count > 0)
        {
            await pageDone(await CheckAsync(db, run, page, cancellationToken), page.Count, page[^1]);
        }
    }

    private async Task<IReadOnlyList<ReconciliationFinding>> CheckAsync(MediaDbContext db, ReconciliationRun run, List<string> keys, CancellationToken cancellationToken)
    {
        var accounted = await AccountingNamesAsync(db, keys, cancellationToken);
        var orphans = keys.Where(k => !StorageAccounting.IsAccountedFor(k, accounted)).ToList();
        if (orphans.Count == 0)
        {
            return [];
        }

        // A resumed run may list a page again when storage changed meanwhile: each orphan is recorded once.
        var known = await db.ReconciliationFindings.AsNoTracking()
            .Where(f => f.RunId == run.Id && f.Kind == FindingKind.Orphan && orphans.Contains(f.StorageKey))
            .Select(f => f.StorageKey).ToListAsync(cancellationToken);
        var findings = new List<ReconciliationFinding>();
        foreach (var key in orphans.Except(known, StringComparer.Ordinal))
        {
            var written = ages is null ? null : await ages.LastModifiedAsync(StorageKey.Parse(key), cancellationToken);
            findings.Add(new ReconciliationFinding
            {
                RunId = run.Id,
                Kind = FindingKind.Orphan,
                StorageKey = key,
                AssetId = StorageAccounting.AssetIdOf(key),
                LastModifiedUtc = written?.UtcDateTime,
                Outcome = FindingOutcome.Reported,
            });
        }

        if (run.Fix)
        {
            await RemoveOldOrphansAsync(findings, cancellationToken);
        }

        return findings;
    }

    /// <summary>One query per page: every file row, pending removal and unfinished ingest naming a key of the page or a prefix of one.</summary>
    private static async Task<HashSet<string>> AccountingNamesAsync(MediaDbContext db, List<string> keys, CancellationToken cancellationToken)
    {
        var names = keys.SelectMany(StorageAccounting.NamesFor).Distinct(StringComparer.Ordinal).ToList();
        var assetIds = keys.Select(StorageAccounting.AssetIdOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var found = await db.MediaFiles.Where(f => names.Contains(f.StorageKey)).Select(f => f.StorageKey)
            .Concat(db.PendingFileDeletions.Where(p => p.CompletedAtUtc == null && names.Contains(p.StoragePrefix)).Select(p => p.StoragePrefix))
            .Concat(db.IngestJobs
                .Where(j => assetIds.Contains(j.AssetId) && (j.State == IngestJobState.Queued || j.State == IngestJobState.Running))
                .Select(j => "media/" + j.AssetId + "/"))
            .ToListAsync(cancellationToken);
        return found.ToHashSet(StringComparer.Ordinal);
    }

    private async Task RemoveOldOrphansAsync(List<ReconciliationFinding> findings, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - gracePeriod;
        var old = new Dictionary<StorageKey, ReconciliationFinding>();
        foreach (var finding in findings)
        {
            if (finding.LastModifiedUtc is { } written && written <= cutoff)
            {
                old[StorageKey.Parse(finding.StorageKey)] = finding;
            }
            else if (finding.LastModifiedUtc is not null)
            {
                finding.Outcome = FindingOutcome.TooRecent;
            }
        }

        if (old.Count == 0)
        {
            return;
        }

        var failures = await storage.DeleteManyAsync(old.Keys, cancellationToken);
        foreach (var (key, finding) in old)
        {
            var failed = failures.TryGetValue(key, out var error);
            finding.Outcome = failed ? FindingOutcome.RemoveFailed : FindingOutcome.Removed;
            finding.Error = failed ? Truncate(error!.Message) : null;
        }
    }

    private static string Truncate(string message) => message.Length <= 1024 ? message : message[..1024];
}
