using MediaAdmin.Core.Data;
using MediaAdmin.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Reconciliation;

/// <summary>
/// The second half of a run: pages through the library's file rows in id order and records those whose file storage
/// lacks, checking each asset's files at once by listing its prefix.
/// </summary>
internal sealed class LibraryWalk(IMediaStorage storage)
{
    /// <summary>The next page of file rows after <see cref="ReconciliationRun.LastFileId"/>, checked; empty when none are left.</summary>
    public async Task<LibraryPage> NextPageAsync(MediaDbContext db, ReconciliationRun run, int pageSize, CancellationToken cancellationToken)
    {
        var files = await db.MediaFiles.AsNoTracking()
            .Where(f => f.Id > run.LastFileId)

            // A deleted asset's rows may outlive it until the removal worker clears them with its files.
            .Where(f => db.MediaAssets.Any(a => a.Id == f.AssetId))
            .OrderBy(f => f.Id)
            .Take(pageSize)
            .Select(f => new FileRow(f.Id, f.AssetId, f.StorageKey))
            .ToListAsync(cancellationToken);
        if (files.Count == 0)
        {
            return new LibraryPage(0, run.LastFileId, []);
        }

        var missing = new List<FileRow>();
        foreach (var asset in files.GroupBy(f => f.AssetId, StringComparer.Ordinal))
        {
            missing.AddRange(await MissingAsync(asset.Key, asset.ToList(), cancellationToken));
        }

        var missingKeys = missing.Select(f => f.StorageKey).ToList();
        var known = missingKeys.Count == 0 ? [] : await db.ReconciliationFindings.AsNoTracking()
            .Where(f => f.RunId == run.Id && f.Kind == FindingKind.Missing && missingKeys.Contains(f.StorageKey))
            .Select(f => f.StorageKey).ToListAsync(cancellationToken);
        var findings = missing.Where(f => !known.Contains(f.StorageKey)).Select(f => new ReconciliationFinding
        {
            RunId = run.Id,
            Kind = FindingKind.Missing,
            StorageKey = f.StorageKey,
            AssetId = f.AssetId,
            Outcome = run.Fix ? FindingOutcome.AssetMarked : FindingOutcome.Reported,
        }).ToList();
        return new LibraryPage(files.Count, files[^1].Id, findings);
    }

    /// <summary>The asset's files under its prefix are checked with one listing; any stored elsewhere are asked for one by one.</summary>
    private async Task<IEnumerable<FileRow>> MissingAsync(string assetId, List<FileRow> files, CancellationToken cancellationToken)
    {
        var prefix = StorageAccounting.AssetPrefix(assetId);
        var stored = new HashSet<string>(StringComparer.Ordinal);
        if (Library.VideoId.IsWellFormed(assetId))
        {
            await foreach (var key in storage.ListAsync(prefix, cancellationToken))
            {
                stored.Add(key.Value);
            }
        }

        var missing = new List<FileRow>();
        foreach (var file in files)
        {
            var present = file.StorageKey.StartsWith(prefix, StringComparison.Ordinal)
                ? stored.Contains(file.StorageKey)
                : StorageKey.TryParse(file.StorageKey, out var key, out _) && await storage.ExistsAsync(key, cancellationToken);
            if (!present)
            {
                missing.Add(file);
            }
        }

        return missing;
    }

    private sealed record FileRow(long Id, string AssetId, string StorageKey);
}
