using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MediaAdmin.Core;
using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn;

/// <summary>/cdn on the real console: stored files are content, never pages, and never reached through links.</summary>
public sealed class CdnOriginTests : ConsoleServerTest
{
    private IMediaStorage Storage => Server.Services.GetRequiredService<IMediaStorage>();

    private string StorageRoot => Server.Services.GetRequiredService<MediaAdminPaths>().StorageRoot;

    [Fact]
    public async Task Every_type_the_library_produces_is_served_inline_under_a_sandbox_that_sniffs_nothing()
    {
        var expected = new Dictionary<string, string>
        {
            ["clip.mp4"] = "video/mp4",
            ["audio.m4a"] = "audio/mp4",
            ["audio.mp3"] = "audio/mpeg",
            ["source.wav"] = "audio/wav",
            ["audio.aac"] = "audio/aac",
            ["cover.jpg"] = "image/jpeg",
            ["cover.jpeg"] = "image/jpeg",
            ["cover.png"] = "image/png",
            ["cover.webp"] = "image/webp",
            ["hls.m3u8"] = "application/vnd.apple.mpegurl",
            ["segment.m4s"] = "video/iso.segment",
            ["segment.ts"] = "video/mp2t",
            ["captions.vtt"] = "text/vtt",
        };
        using var client = Server.CreateClient();

        foreach (var (name, type) in expected)
        {
            await Storage.WriteAsync(StorageKey.Parse($"media/types/{name}"), new MemoryStream([1, 2, 3]));
            using var response = await client.GetAsync($"/cdn/media/types/{name}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.Null(response.Content.Headers.ContentDisposition);
            AssertSandboxed(response);
        }
    }

    [Fact]
    public async Task Any_other_stored_file_is_served_as_a_download_never_as_a_page()
    {
        using var client = Server.CreateClient();

        foreach (var name in new[] { "page.html", "drawing.svg", "script.js", "unknown.xyz", "no-extension" })
        {
            await Storage.WriteAsync(StorageKey.Parse($"media/other/{name}"), new MemoryStream(Encoding.UTF8.GetBytes("<script>alert(1)</script>")));
            using var response = await client.GetAsync($"/cdn/media/other/{name}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(name, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            AssertSandboxed(response);
        }
    }

    [Fact]
    public async Task A_ranged_request_gets_206_with_only_the_bytes_asked_for()
    {
        await Storage.WriteAsync(StorageKey.Parse("media/ranged/clip.mp4"), new MemoryStream([.. Enumerable.Range(0, 100).Select(i => (byte)i)]));
        using var client = Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cdn/media/ranged/clip.mp4");
        request.Headers.Range = new RangeHeaderValue(10, 13);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes 10-13/100", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal([10, 11, 12, 13], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        AssertSandboxed(response);
    }

    [Fact]
    public async Task A_folder_under_cdn_is_not_found_and_its_path_is_not_told()
    {
        await Storage.WriteAsync(StorageKey.Parse("media/folder/streams/hd.mp4"), new MemoryStream([1]));
        using var client = Server.CreateClient();

        foreach (var folder in new[] { "/cdn/media/folder/streams", "/cdn/media/folder", "/cdn/media" })
        {
            using var response = await client.GetAsync(folder);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(Folder.Path, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Links_inside_storage_are_not_found_and_deleting_their_asset_leaves_the_targets_whole()
    {
        var admin = await Server.CreateUserAsync(RoleNames.Administrator);
        var asset = await Server.Services.GetRequiredService<AssetIngestion>().IngestAsync(Drafts.Video(admin.Id, "Linked", streams: 2));
        var assetFolder = Path.Combine(StorageRoot, "media", asset.Id);
        var outside = Path.Combine(Folder.Path, "outside");
        Directory.CreateDirectory(outside);
        var databaseCopy = Path.Combine(outside, "copy.db");
        File.Copy(Path.Combine(Folder.Path, "mediaadmin.db"), databaseCopy);
        var databaseBytes = await File.ReadAllBytesAsync(databaseCopy);
        File.CreateSymbolicLink(Path.Combine(assetFolder, "leak.db"), databaseCopy);
        Directory.CreateSymbolicLink(Path.Combine(assetFolder, "linked"), outside);

        // The asset's own streams folder swapped for a link to a folder outside holding files of the same names.
        var outsideStreams = Path.Combine(outside, "streams");
        Directory.Move(Path.Combine(assetFolder, "streams"), outsideStreams);
        Directory.CreateSymbolicLink(Path.Combine(assetFolder, "streams"), outsideStreams);
        var streamFiles = Directory.GetFiles(outsideStreams);
        using var client = Server.CreateClient();

        foreach (var path in new[] { "leak.db", "linked/copy.db", $"streams/{Path.GetFileName(streamFiles[0])}" })
        {
            using var response = await client.GetAsync($"/cdn/media/{asset.Id}/{path}");

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("SQLite format", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var deletion = await Server.Services.GetRequiredService<VideoDeletionService>()
            .DeleteAsync(new DeletionCaller(admin.Id, DeletionChannel.Console), asset.Id);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Directory.Exists(Path.Combine(assetFolder, "snapshots")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Single(deletion.Deleted);
        Assert.Equal(2, streamFiles.Length);
        Assert.All(streamFiles, file => Assert.True(File.Exists(file), $"{file} was deleted through a link"));
        Assert.Equal(databaseBytes, await File.ReadAllBytesAsync(databaseCopy));
        Assert.False(Directory.Exists(Path.Combine(assetFolder, "snapshots")));
    }

    [Fact]
    public async Task A_blocked_assets_files_and_files_being_deleted_are_never_served_even_without_url_authentication()
    {
        var admin = await Server.CreateUserAsync(RoleNames.Administrator);
        var ingestion = Server.Services.GetRequiredService<AssetIngestion>();
        var blocked = await ingestion.IngestAsync(Drafts.Video(admin.Id, "Blocked", status: MediaStatus.Blocked));
        var deleting = (await ingestion.IngestAsync(Drafts.Video(admin.Id, "Deleting"))).Files.First();
        await using (var db = await Server.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContextAsync())
        {
            db.PendingFileDeletions.Add(new PendingFileDeletion
            {
                StoragePrefix = PendingFileDeletion.PrefixOf(deleting.AssetId), AssetId = deleting.AssetId, RequestId = Guid.NewGuid().ToString(), CreatedAtUtc = DateTime.UtcNow,
                NextAttemptAtUtc = DateTime.UtcNow.AddDays(1),
            });
            await db.SaveChangesAsync();
        }

        using var client = Server.CreateClient();
        using var deletingResponse = await client.GetAsync($"/cdn/{deleting.StorageKey}");

        Assert.Equal((HttpStatusCode.NotFound, "This file is being deleted."), (deletingResponse.StatusCode, await deletingResponse.Content.ReadAsStringAsync()));
        AssertSandboxed(deletingResponse);
        foreach (var file in blocked.Files)
        {
            using var response = await client.GetAsync($"/cdn/{file.StorageKey}");

            Assert.Equal((HttpStatusCode.Forbidden, "This file belongs to a blocked asset."), (response.StatusCode, await response.Content.ReadAsStringAsync()));
            AssertSandboxed(response);
        }
    }

    private static void AssertSandboxed(HttpResponseMessage response)
    {
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        var policy = string.Join(", ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
    }
}
