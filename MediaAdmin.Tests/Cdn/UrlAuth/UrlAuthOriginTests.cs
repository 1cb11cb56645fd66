using System.Net;
using System.Net.Http.Headers;
using MediaAdmin.Core.Cdn.UrlAuth;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn.UrlAuth;

/// <summary>/cdn with Cdn:UrlAuth:PrivateKey set: only a signed, unexpired URL for the very file is served.</summary>
public sealed class UrlAuthOriginTests : UrlAuthServerTest
{
    [Fact]
    public async Task An_unsigned_url_is_403_with_a_short_reason_and_the_usual_security_headers()
    {
        var file = await FileOfNewAssetAsync();

        using var response = await Client.GetAsync($"/cdn/{file.StorageKey}");

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, "This file needs a signed URL (auth_key).");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox; default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_head_follows_the_same_rules_unsigned_is_403_and_signed_is_200_without_a_body()
    {
        var file = await FileOfNewAssetAsync();

        using var unsigned = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/cdn/{file.StorageKey}"));
        using var signed = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/" + Signer.ConsoleUrl(file.StorageKey)));

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal("no-store", unsigned.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(file.SizeBytes, signed.Content.Headers.ContentLength);
        Assert.Empty(await signed.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_signed_url_is_served_whole_and_in_ranges_until_its_lifetime_ends()
    {
        var file = await FileOfNewAssetAsync();
        var url = "/" + Signer.ConsoleUrl(file.StorageKey);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(Server.Services.GetRequiredService<Core.MediaAdminPaths>().StorageRoot, file.StorageKey));

        var issued = DateTimeOffset.FromUnixTimeSeconds(TypeAAuthKey.Parse(url.Split("auth_key=")[1]).Value.Timestamp);

        using var whole = await Client.GetAsync(url);
        Clock.Advance(issued + UrlAuthServerTest.Lifetime - Clock.GetUtcNow());
        using var ranged = await GetRangeAsync(url, 10, 13);
        Clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal("video/mp4", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.PartialContent, ranged.StatusCode);
        Assert.Equal(bytes[10..14], await ranged.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 10-13/{bytes.Length}", ranged.Content.Headers.ContentRange?.ToString());
        await AssertRefusedAsync(expired, HttpStatusCode.Forbidden, "The signed URL has expired.");
    }

    [Fact]
    public async Task A_tampered_signature_and_a_signature_for_another_file_are_403()
    {
        var asset = await AddAssetAsync(MediaStatus.Normal);
        var (mp4, png) = (asset.Files.First(f => f.Format == "mp4" && f.Kind == MediaFileKind.Stream), asset.Files.First(f => f.Format == "png"));
        var signed = Signer.ConsoleUrl(mp4.StorageKey);
        var authKey = signed[(signed.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var tampered = authKey[..^1] + (authKey[^1] == '0' ? '1' : '0');

        using var otherFile = await Client.GetAsync($"/cdn/{png.StorageKey}?auth_key={authKey}");
        using var changedHash = await Client.GetAsync($"/cdn/{mp4.StorageKey}?auth_key={tampered}");
        using var malformed = await Client.GetAsync($"/cdn/{mp4.StorageKey}?auth_key=yesterday");

        await AssertRefusedAsync(otherFile, HttpStatusCode.Forbidden, "The signature is not valid for this file.");
        await AssertRefusedAsync(changedHash, HttpStatusCode.Forbidden, "The signature is not valid for this file.");
        await AssertRefusedAsync(malformed, HttpStatusCode.Forbidden, "The auth_key must be timestamp-rand-uid-md5hash.");
    }

    [Fact]
    public async Task A_blocked_assets_files_are_refused_even_when_signed()
    {
        var asset = await AddAssetAsync(MediaStatus.Blocked);

        foreach (var file in asset.Files)
        {
            using var response = await Client.GetAsync("/" + Signer.ConsoleUrl(file.StorageKey));

            await AssertRefusedAsync(response, HttpStatusCode.Forbidden, "This file belongs to a blocked asset.");
        }
    }

    [Fact]
    public async Task A_file_whose_removal_is_pending_is_refused_even_when_signed()
    {
        var file = await FileOfNewAssetAsync();
        await using (var db = await Server.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>().CreateDbContextAsync())
        {
            db.PendingFileDeletions.Add(new PendingFileDeletion
            {
                StoragePrefix = PendingFileDeletion.PrefixOf(file.AssetId), AssetId = file.AssetId, RequestId = Guid.NewGuid().ToString(), CreatedAtUtc = DateTime.UtcNow,
                NextAttemptAtUtc = DateTime.UtcNow.AddDays(1),
            });
            await db.SaveChangesAsync();
        }

        using var response = await Client.GetAsync("/" + Signer.ConsoleUrl(file.StorageKey));

        await AssertRefusedAsync(response, HttpStatusCode.NotFound, "This file is being deleted.");
    }

    [Fact]
    public async Task Library_thumbnails_are_signed_console_urls_that_the_origin_serves()
    {
        var admin = await Server.CreateUserAsync(RoleNames.Administrator);
        var asset = await Server.Services.GetRequiredService<AssetIngestion>().IngestAsync(Drafts.Video(admin.Id, "Thumbnailed"));

        var page = await Server.Services.GetRequiredService<LibraryQueryService>().QueryAsync(admin.Id, new LibraryQuery { VideoId = asset.Id });
        var thumbnail = page.Value.Rows.Single().ThumbnailUrl!;
        using var response = await Client.GetAsync("/" + thumbnail);

        Assert.StartsWith($"cdn/media/{asset.Id}/snapshots/00.png?auth_key=", thumbnail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<MediaAsset> AddAssetAsync(MediaStatus status)
    {
        var admin = await Server.CreateUserAsync(RoleNames.Administrator);
        return await Server.Services.GetRequiredService<AssetIngestion>().IngestAsync(Drafts.Video(admin.Id, $"Private {status}", status: status));
    }

    private async Task<MediaFile> FileOfNewAssetAsync() =>
        (await AddAssetAsync(MediaStatus.Normal)).Files.First(f => f.Kind == MediaFileKind.Stream);

    private async Task<HttpResponseMessage> GetRangeAsync(string url, long from, long to)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Range = new RangeHeaderValue(from, to);
        return await Client.SendAsync(request);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal((status, reason), (response.StatusCode, body));
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.DoesNotContain(UrlAuthServerTest.PrivateKey, body, StringComparison.Ordinal);
    }
}
