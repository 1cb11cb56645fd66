using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Playwright;

namespace MediaAdmin.Tests.Browser;

/// <summary>The asset drawer in Chromium: a really transcoded clip plays, and its storyboard shows while scrubbing.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AssetDrawerBrowserTests(ConsoleBrowserFixture fixture) : ConsoleBrowserTest(fixture)
{
    [Theory]
    [InlineData("native-hls", false)]
    [InlineData("hls.js", true)]
    public async Task An_editor_opens_a_clips_drawer_plays_it_and_scrubbing_shows_its_sprite_tiles(string expectedPlayback, bool hideNativeHls)
    {
        var word = UniqueWord();
        var (editor, page) = await SignInNewAsync(RoleNames.Editor);
        if (hideNativeHls)
        {
            // A browser without native HLS, as Chromium was before version 14x and Firefox is: hls.js must take over.
            await page.AddInitScriptAsync("HTMLMediaElement.prototype.canPlayType = function (type) { return /mpegurl/i.test(type) ? '' : 'maybe'; };");
        }

        var asset = await TranscodedClips.AddVideoAsync(Ingestion, editor.Id, $"Harbour {word}");

        await OpenLibraryAsync(page, $"/?q={word}");
        await page.ClickAsync("[data-testid=library-grid] tbody tr:has([data-testid=row-title])");
        var drawer = page.Locator("[data-testid=asset-drawer]");
        await Assertions.Expect(drawer.Locator("[data-testid=drawer-title]")).ToHaveTextAsync($"Harbour {word}");
        await Assertions.Expect(drawer.Locator("[data-testid=drawer-files-stream]")).ToContainTextAsync("streams/master.m3u8");
        await page.WaitForSelectorAsync("[data-testid=player][data-playback]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

        var playedTo = await page.EvaluateAsync<double>(
            """
            () => new Promise((resolve, reject) => {
                const video = document.querySelector('[data-testid=player]');
                video.muted = true;
                const timer = setTimeout(() => reject(new Error('no progress: ' + video.currentTime + ' error ' + (video.error && video.error.code))), 15000);
                video.addEventListener('timeupdate', () => {
                    if (video.currentTime > 0.5) { clearTimeout(timer); resolve(video.currentTime); }
                });
                video.play().catch(reject);
            })
            """);
        Assert.True(playedTo > 0.5, $"currentTime {playedTo}");
        Assert.Equal(expectedPlayback, await page.GetAttributeAsync("[data-testid=player]", "data-playback"));

        var scrubber = page.Locator("[data-testid=sprite-scrubber]");
        await Assertions.Expect(scrubber).ToHaveAttributeAsync("data-cues", "2");
        var box = (await scrubber.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width * 0.75f), box.Y + (box.Height / 2));
        var tile = page.Locator("[data-testid=sprite-tile]");
        await Assertions.Expect(tile).ToBeVisibleAsync();
        Assert.Contains($"/cdn/media/{asset.Id}/snapshots/sprite-001.jpg", await tile.EvaluateAsync<string>("t => t.style.backgroundImage"), StringComparison.Ordinal);
        Assert.Equal("-160px 0px", await tile.EvaluateAsync<string>("t => t.style.backgroundPosition"));
        await drawer.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"asset-drawer-{expectedPlayback}.png") });
    }
}
