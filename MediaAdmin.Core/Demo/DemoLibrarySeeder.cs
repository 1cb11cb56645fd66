using System.Text;
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
/// Fills an empty library with demo accounts and a few hundred assets owned by them, each with a
/// mezzanine, transcoded streams and real PNG snapshots in storage. Deterministic for a given seed.
/// </summary>
public sealed class DemoLibrarySeeder(
    MediaDbContext db,
    UserManager<MediaUser> users,
    AccountProvisioning provisioning,
    AssetIngestion ingestion,
    TimeProvider clock,
    ILogger<DemoLibrarySeeder> logger)
{
    public const int DefaultAssetCount = 300;

    private static readonly string[] Categories = ["News", "Sports", "Music", "Education", "Documentary", "Podcasts", "Trailers"];
    private static readonly string[] Adjectives = ["Morning", "Quarterly", "Hidden", "Coastal", "Urban", "Midnight", "Spring", "Live", "Classic", "Rapid"];
    private static readonly string[] Subjects = ["Briefing", "Highlights", "Interview", "Concert", "Lecture", "Walkthrough", "Review", "Keynote", "Journey", "Recap"];
    private static readonly (string Definition, int Kbps, int Width, int Height)[] VideoLadder =
        [("LD", 400, 640, 360), ("SD", 900, 854, 480), ("HD", 2500, 1280, 720), ("FHD", 5000, 1920, 1080)];

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

        if (await db.MediaAssets.AnyAsync(cancellationToken))
        {
            logger.LogInformation("The library already has assets; no demo assets added");
            return new DemoSeedReport(created, 0, 0);
        }

        var categoryIds = await EnsureCategoriesAsync(cancellationToken);
        var random = new Random(seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var files = 0;
        var batch = new List<AssetDraft>();
        for (var i = 0; i < assetCount; i++)
        {
            var draft = NextDraft(random, i, owners[random.Next(owners.Count)], categoryIds[random.Next(categoryIds.Count)], now);
            files += draft.Files.Count;
            batch.Add(draft);
            if (batch.Count == 50)
            {
                await ingestion.IngestManyAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await ingestion.IngestManyAsync(batch, cancellationToken);
        }

        logger.LogInformation("Demo library: {Assets} assets with {Files} files", assetCount, files);
        return new DemoSeedReport(created, assetCount, files);
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

    private static AssetDraft NextDraft(Random random, int index, string ownerId, long categoryId, DateTime now)
    {
        var isAudio = random.NextDouble() < 0.2;
        var title = $"{Adjectives[random.Next(Adjectives.Length)]} {Subjects[random.Next(Subjects.Length)]} #{index + 1:000}";
        var hue = random.Next(360);
        var files = new List<FileDraft>
        {
            new(MediaFileKind.Mezzanine, isAudio ? "source.wav" : "source.mp4", isAudio ? "wav" : "mp4", FakeMedia(random, isAudio ? "RIFF" : "ftyp", 4096), BitrateKbps: isAudio ? 1411 : 12000),
        };

        if (isAudio)
        {
            files.Add(new(MediaFileKind.Stream, "streams/aac-128.m4a", "m4a", FakeMedia(random, "ftyp", 1024), "SQ", 128));
            files.Add(new(MediaFileKind.Stream, "streams/mp3-320.mp3", "mp3", FakeMedia(random, "ID3", 2048), "HQ", 320));
            files.Add(new(MediaFileKind.Snapshot, "snapshots/cover.png", "png", Thumbnail(hue, 0, audio: true), Width: 160, Height: 160, SnapshotKind: SnapshotKind.Cover));
        }
        else
        {
            foreach (var (definition, kbps, width, height) in VideoLadder.Take(2 + random.Next(3)))
            {
                files.Add(new(MediaFileKind.Stream, $"streams/{definition.ToLowerInvariant()}.mp4", "mp4", FakeMedia(random, "ftyp", 1024 + (kbps / 4)), definition, kbps, width, height));
            }

            files.Add(new(MediaFileKind.Snapshot, "snapshots/cover.png", "png", Thumbnail(hue, 0, audio: false), Width: 160, Height: 90, SnapshotKind: SnapshotKind.Cover));
            for (var n = 1; n <= 2 + random.Next(3); n++)
            {
                files.Add(new(MediaFileKind.Snapshot, $"snapshots/{n:00}.png", "png", Thumbnail(hue, n, audio: false), Width: 160, Height: 90, SnapshotKind: SnapshotKind.Normal));
            }
        }

        return new AssetDraft(
            title,
            isAudio ? MediaType.Audio : MediaType.Video,
            ownerId,
            files,
            Status: random.NextDouble() < 0.85 ? MediaStatus.Normal : (MediaStatus)random.Next(0, 8),
            DurationSeconds: Math.Round(isAudio ? 60 + (random.NextDouble() * 3600) : 10 + (random.NextDouble() * 7200), 2),
            CategoryId: categoryId,
            CreatedAtUtc: now.AddMinutes(-random.Next(0, 60 * 24 * 365)));
    }

    private static byte[] FakeMedia(Random random, string magic, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        Encoding.ASCII.GetBytes(magic).CopyTo(bytes, magic == "ftyp" ? 4 : 0);
        return bytes;
    }

    /// <summary>A gradient in the asset's hue with a lighter band that moves with the frame number, and a play or note mark.</summary>
    private static byte[] Thumbnail(int hue, int frame, bool audio)
    {
        var (width, height) = audio ? (160, 160) : (160, 90);
        return PngImage.Encode(width, height, (x, y) =>
        {
            var light = 0.25 + (0.35 * y / height) + (Math.Abs(x - (frame * 30 % width)) < 12 ? 0.15 : 0);
            var inMark = audio
                ? Math.Pow(x - (width / 2.0), 2) + Math.Pow(y - (height / 2.0), 2) < 400
                : x > width * 0.42 && x < width * 0.6 && Math.Abs(y - (height / 2.0)) < (width * 0.6 - x) * 0.8;
            return inMark ? ((byte)240, (byte)240, (byte)240) : FromHsl(hue, 0.55, light);
        });
    }

    private static (byte, byte, byte) FromHsl(double hue, double saturation, double lightness)
    {
        var c = (1 - Math.Abs((2 * lightness) - 1)) * saturation;
        var x = c * (1 - Math.Abs((hue / 60 % 2) - 1));
        var m = lightness - (c / 2);
        var (r, g, b) = (int)(hue / 60) switch
        {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        return ((byte)((r + m) * 255), (byte)((g + m) * 255), (byte)((b + m) * 255));
    }
}
