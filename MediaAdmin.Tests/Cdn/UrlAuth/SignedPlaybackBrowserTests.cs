using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MediaAdmin.Tests.Cdn.UrlAuth;

/// <summary>With URL authentication on, the console still shows thumbnails and plays a clip through hls.js, every file signed.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SignedPlaybackBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_library_thumbnail_loads_and_the_drawer_plays_a_clip_and_shows_its_sprite_tiles_through_signed_urls()
    {
        using var folder = new TempFolder();
        await using var server = await UrlAuthServerTest.StartAsync(folder.Path, new ManualClock(DateTimeOffset.UtcNow));
        var editor = await server.CreateUserAsync(RoleNames.Editor);
        var word = $"w{Guid.NewGuid():N}"[..12];
        await TranscodedClips.AddVideoAsync(server.Services.GetRequiredService<AssetIngestion>(), editor.Id, $"Private {word}");
        var page = await browser.SignInAsync(server.BaseAddress, editor.Email!);
        await using var _ = page.Context;
        // hls.js fetches every playlist and segment itself, so the signed references are what it follows.
        await page.AddInitScriptAsync("HTMLMediaElement.prototype.canPlayType = function (type) { return /mpegurl/i.test(type) ? '' : 'maybe'; };");

        await page.GotoAsync($"/?q={word}");
        await BrowserFixture.WaitForLibraryAsync(page);
        var thumbnail = page.Locator("[data-testid=library-grid] img.media-thumb").First;
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('img.media-thumb'); return i && i.complete && i.naturalWidth > 0; }");
        Assert.Contains("auth_key=", await thumbnail.GetAttributeAsync("src"), StringComparison.Ordinal);

        await page.ClickAsync("[data-testid=library-grid] tbody tr:has([data-testid=row-title])");
        await Assertions.Expect(page.Locator("[data-testid=player]")).ToHaveAttributeAsync("data-playback", "hls.js");
        await page.EvaluateAsync("() => { const v = document.querySelector('[data-testid=player]'); v.muted = true; return v.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=player]').currentTime > 0.5");

        // The storyboard: hovering the scrubber's last quarter shows the second sprite sheet's tile.
        var scrubber = (await page.Locator("[data-testid=sprite-scrubber][data-cues='2']").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(scrubber.X + (scrubber.Width * 0.75f), scrubber.Y + (scrubber.Height / 2));
        var tile = page.Locator("[data-testid=sprite-tile]");
        await Assertions.Expect(tile).ToBeVisibleAsync();
        Assert.Contains("sprite-001.jpg?auth_key=", await tile.EvaluateAsync<string>("t => t.style.backgroundImage"), StringComparison.Ordinal);
    }
}
