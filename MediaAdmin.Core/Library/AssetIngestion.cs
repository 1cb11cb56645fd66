using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Library;

/// <summary>A file to store with a new asset; <see cref="Name"/> becomes the last part of its storage key.</summary>
public sealed record FileDraft(
    MediaFileKind Kind,
    string Name,
    string Format,
    ReadOnlyMemory<byte> Content,
    string? Definition = null,
    int? BitrateKbps = null,
    int? Width = null,
    int? Height = null,
    SnapshotKind? SnapshotKind = null);

/// <summary>
/// A new asset and its files, exactly one of them the mezzanine. With <see cref="Probe"/>, the asset's type,
/// duration and source metadata are what ffprobe found in the mezzanine.
/// </summary>
public sealed record AssetDraft(
    string Title,
    MediaType MediaType,
    string OwnerId,
    IReadOnlyList<FileDraft> Files,
    MediaStatus Status = MediaStatus.Normal,
    double DurationSeconds = 0,
    long? CategoryId = null,
    DateTime? CreatedAtUtc = null,
    string? Id = null,
    Ingest.MediaProbe? Probe = null);

/// <summary>
/// Adds assets to the library: files go to storage first, then the rows commit; when the commit
/// fails, the files just written are removed again, so a failed ingest leaves nothing behind.
/// </summary>
public sealed class AssetIngestion(
    IDbContextFactory<MediaDbContext> dbFactory,
    IMediaStorage storage,
    IOptions<CdnOptions> cdn,
    TimeProvider clock)
{
    public async Task<MediaAsset> IngestAsync(AssetDraft draft, CancellationToken cancellationToken = default) =>
        (await IngestManyAsync([draft], cancellationToken))[0];

    public async Task<IReadOnlyList<MediaAsset>> IngestManyAsync(IReadOnlyList<AssetDraft> drafts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var assets = drafts.Select(Build).ToList();
        await EnsureNothingIsOverwrittenAsync(assets, cancellationToken);
        var written = new List<StorageKey>();
        try
        {
            foreach (var (draft, asset) in drafts.Zip(assets))
            {
                foreach (var (fileDraft, file) in draft.Files.Zip(asset.Files))
                {
                    var key = StorageKey.Parse(file.StorageKey);
                    using var content = new MemoryStream(fileDraft.Content.ToArray(), writable: false);
                    await storage.WriteAsync(key, content, cancellationToken);
                    written.Add(key);
                }
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.MediaAssets.AddRange(assets);
            await db.SaveChangesAsync(cancellationToken);
            return assets;
        }
        catch
        {
            foreach (var key in written)
            {
                await storage.DeleteAsync(key, CancellationToken.None);
            }

            throw;
        }
    }

    /// <summary>
    /// Files are written before the rows commit, so a reused ID or key would overwrite a live asset's
    /// files, or files a deletion is about to remove: refuse both up front.
    /// </summary>
    private async Task EnsureNothingIsOverwrittenAsync(List<MediaAsset> assets, CancellationToken cancellationToken)
    {
        var ids = assets.Select(a => a.Id).ToList();
        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            throw new ArgumentException("The same asset ID is given twice.", nameof(assets));
        }

        var keys = assets.SelectMany(a => a.Files).Select(f => f.StorageKey).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.MediaAssets.AnyAsync(a => ids.Contains(a.Id), cancellationToken)
            || await db.MediaFiles.AnyAsync(f => keys.Contains(f.StorageKey), cancellationToken))
        {
            throw new InvalidOperationException("An asset with this ID, or a file under one of these storage keys, already exists.");
        }

        var prefixes = ids.Select(Deletion.PendingFileDeletion.PrefixOf).ToList();
        if (await db.PendingFileDeletions.AnyAsync(p => prefixes.Contains(p.StoragePrefix), cancellationToken))
        {
            throw new InvalidOperationException("The files of a deleted asset with this ID are still being removed; try again in a minute.");
        }
    }

    private MediaAsset Build(AssetDraft draft)
    {
        var problem = Validate(draft);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(draft));
        }

        var id = draft.Id ?? VideoId.New();
        var now = clock.GetUtcNow().UtcDateTime;
        var files = draft.Files.Select(f =>
        {
            var key = StorageKey.Parse($"media/{id}/{f.Name}");
            return new MediaFile
            {
                AssetId = id,
                Kind = f.Kind,
                StorageKey = key.Value,
                SizeBytes = f.Content.Length,
                CdnUrl = cdn.Value.UrlFor(key),
                Format = f.Format,
                Definition = f.Definition,
                BitrateKbps = f.BitrateKbps,
                Width = f.Width,
                Height = f.Height,
                SnapshotKind = f.SnapshotKind,
            };
        }).ToList();

        var asset = new MediaAsset
        {
            Id = id,
            Title = draft.Title.Trim(),
            SearchKey = VideoId.SearchKeyOf(id),
            MediaType = draft.MediaType,
            Status = draft.Status,
            DurationSeconds = draft.DurationSeconds,
            TotalSizeBytes = files.Sum(f => f.SizeBytes),
            OwnerId = draft.OwnerId,
            CategoryId = draft.CategoryId,
            CreatedAtUtc = draft.CreatedAtUtc ?? now,
            UpdatedAtUtc = draft.CreatedAtUtc ?? now,
            Files = files,
        };
        draft.Probe?.ApplyTo(asset);
        asset.SummarizeFiles(files.ConvertAll(f => f.CdnUrl));
        return asset;
    }

    private static string? Validate(AssetDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Trim().Length > MediaAsset.TitleMaxLength)
        {
            return $"An asset title must have 1 to {MediaAsset.TitleMaxLength} characters.";
        }

        if (draft.Id is not null && !VideoId.IsWellFormed(draft.Id))
        {
            return $"Asset ID '{draft.Id}' is not 32 lower-case hex characters.";
        }

        if (draft.Files.Count(f => f.Kind == MediaFileKind.Mezzanine) != 1)
        {
            return "An asset must have exactly one mezzanine file.";
        }

        if (draft.Files.Select(f => f.Name).Distinct(StringComparer.Ordinal).Count() != draft.Files.Count)
        {
            return "The files of an asset must have distinct names.";
        }

        if (draft.DurationSeconds < 0)
        {
            return "An asset's duration cannot be negative.";
        }

        return null;
    }
}
