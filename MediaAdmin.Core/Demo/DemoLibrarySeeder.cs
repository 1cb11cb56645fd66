using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Library;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Core.Demo;

/// <summary>What <see cref="DemoLibrarySeeder"/> did.</summary>
public sealed record DemoSeedReport(IReadOnlyList<string> AccountsCreated, int AssetsCreated, int FilesWritten);

/// <summary>
/// Fills an empty library with demo accounts and a few hundred assets owned by them. Every asset is real media:
/// one of a handful of clips made with ffmpeg's test sources and transcoded once (<see cref="DemoMedia"/>), with
/// its mezzanine, HLS ladder, MP4 or audio renditions, snapshots and sprites. Deterministic for a given seed.
/// </summary>
public sealed class DemoLibrarySeeder(
    MediaDbContext db,
    UserManager<MediaUser> users,
    AccountProvisioning provisioning,
    AssetIngestion ingestion,
    DemoMedia media,
    MediaAdminPaths paths,
    TimeProvider clock,
    ILogger<DemoLibrarySeeder> logger)
{
    public const int DefaultAssetCount = 300;

    private static readonly string[] Categories = ["News", "Sports", "Music", "Education", "Documentary", "Podcasts", "Trailers"];
    private static readonly string[] Adjectives = ["Morning", "Quarterly", "Hidden", "Coastal", "Urban", "Midnight", "Spring", "Live", "Classic", "Rapid"];
    private static readonly string[] Subjects = ["Briefing", "Highlights", "Interview", "Concert", "Lecture", "Walkthrough", "Review", "Keynote", "Journey", "Recap"];

    public async Task<DemoSeedReport> SeedAsync(int assetCount = DefaultAssetCount, int seed = 20261123, CancellationToken cancellationToken = default)
    {
        var created = new List<string>();
        var owners = new List<string>();
        foreach (var (email, role, displayName) in DemoAccounts.All)
        {
            var existing = await users.FindByEmailAsync(email);
            if (existing is null)
            {
                var result = await provisioning.CreateAsync(email, role, DemoAccounts.Password, displayName);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create demo account {email}: {string.Join("; ", result.Errors)}");
                }

                existing = result.User!;
                created.Add(email);
            }

            if (role != Permissions.RoleNames.Viewer)
            {
                owners.Add(existing.Id);
            }
        }

        if (assetCount <= 0)
        {
            return new DemoSeedReport(created, 0, 0);
        }

        if (await db.MediaAssets.AnyAsync(cancellationToken))
        {
            logger.LogInformation("The library already has assets; no demo assets added");
            return new DemoSeedReport(created, 0, 0);
        }

        var categoryIds = await EnsureCategoriesAsync(cancellationToken);
        var work = Path.Combine(paths.DataFolder, "demo-media");
        Directory.CreateDirectory(work);
        try
        {
            var clips = await media.MakeAsync(work, cancellationToken);
            var random = new Random(seed);
            var now = clock.GetUtcNow().UtcDateTime;
            var files = 0;
            var batch = new List<AssetDraft>();
            for (var i = 0; i < assetCount; i++)
            {
                var draft = NextDraft(random, i, clips, owners[random.Next(owners.Count)], categoryIds[random.Next(categoryIds.Count)], now);
                files += draft.Files.Count;
                batch.Add(draft);
                if (batch.Count == 25)
                {
                    await ingestion.IngestManyAsync(batch, cancellationToken);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await ingestion.IngestManyAsync(batch, cancellationToken);
            }

            logger.LogInformation("Demo library: {Assets} assets with {Files} files from {Clips} transcoded clips", assetCount, files, clips.Count);
            return new DemoSeedReport(created, assetCount, files);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<List<long>> EnsureCategoriesAsync(CancellationToken cancellationToken)
    {
        foreach (var name in Categories)
        {
            if (!await db.Categories.AnyAsync(c => c.Name == name, cancellationToken))
            {
                db.Categories.Add(new Category { Name = name });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.Categories.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    private static AssetDraft NextDraft(Random random, int index, IReadOnlyList<DemoClip> clips, string ownerId, long categoryId, DateTime now)
    {
        var clip = clips[random.Next(clips.Count)];
        var title = $"{Adjectives[random.Next(Adjectives.Length)]} {Subjects[random.Next(Subjects.Length)]} #{index + 1:000}";
        var mezzanine = new FileDraft(
            MediaFileKind.Mezzanine, $"source/{clip.SourceFileName}", Path.GetExtension(clip.SourceFileName).TrimStart('.'),
            clip.Source, BitrateKbps: clip.Probe.BitrateKbps, Width: clip.Probe.Video?.Width, Height: clip.Probe.Video?.Height);
        var outputs = clip.Outputs.Select(o => new FileDraft(
            o.File.Kind, o.File.RelativePath, o.File.Format, o.Content, o.File.Definition, o.File.BitrateKbps, o.File.Width, o.File.Height, o.File.SnapshotKind));
        return new AssetDraft(
            title,
            clip.Probe.MediaType,
            ownerId,
            [mezzanine, .. outputs],
            Status: MediaStatus.Normal,
            DurationSeconds: clip.Probe.DurationSeconds,
            CategoryId: categoryId,
            CreatedAtUtc: now.AddMinutes(-random.Next(0, 60 * 24 * 365)),
            Probe: clip.Probe);
    }
}
