using System.Text.RegularExpressions;
using MediaAdmin.Core.Data;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MediaAdmin.Tests.Browser;

/// <summary>
/// Real media end to end in Chromium: uploaded through the dialog, transcoded by ffmpeg on the console's own
/// worker, watched in the grid and the drawer, then deleted with its files. Each test has a console of its own,
/// since the first one holds the console's only ingest worker.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class IngestBrowserTests : IAsyncLifetime
{
    private static readonly TimeSpan TranscodeTimeout = TimeSpan.FromSeconds(90);

    private readonly TempFolder _data = new();
    private readonly TempFolder _clips = new();
    private readonly BrowserFixture _browser = new();
    private ConsoleServer _server = null!;

    [Fact]
    public async Task An_editor_uploads_a_clip_watches_it_transcode_plays_it_in_the_drawer_and_deleting_it_removes_its_files()
    {
        var clip = await TestClips.VideoAsync(_clips.Path, 320, 180, 3);
        using var holdEncoding = new ManualResetEventSlim();
        _server.Services.GetRequiredService<IngestHooks>().StepReached = (_, step) =>
        {
            // Held while ffmpeg encodes, so the test sees the job in flight however fast this machine is.
            if (step == IngestStep.Encoding)
            {
                holdEncoding.Wait(TranscodeTimeout);
            }
        };
        var editor = await _server.CreateUserAsync(RoleNames.Editor);
        var page = await _browser.SignInAsync(_server.BaseAddress, editor.Email!);
        await BrowserFixture.WaitForLibraryAsync(page);

        await page.ClickAsync("[data-testid=upload-open]");
        await page.SetInputFilesAsync("[data-testid=upload-picker]", [new FilePayload { Name = "Harbour at noon.mp4", MimeType = "video/mp4", Buffer = await File.ReadAllBytesAsync(clip) }]);
        await page.ClickAsync("[data-testid=upload-start]");
        await page.WaitForSelectorAsync("[data-testid=upload-done]");
        Assert.EndsWith("(100%)", (await page.InnerTextAsync("[data-testid=upload-progress]")).Trim(), StringComparison.Ordinal);
        var assetId = (await page.InnerTextAsync("[data-testid=upload-done] .mono")).Trim();
        await page.ClickAsync("[data-testid=upload-close]");

        var row = page.Locator("[data-testid=library-grid] tbody tr").Filter(new LocatorFilterOptions { HasText = assetId });
        var status = row.Locator("[data-testid=status-chip]");
        await Assertions.Expect(status).ToHaveTextAsync(TranscodingPercent(), new LocatorAssertionsToHaveTextOptions { Timeout = (float)TranscodeTimeout.TotalMilliseconds });
        await Assertions.Expect(row.Locator("[data-testid=status-progress]")).ToBeVisibleAsync();
        holdEncoding.Set();
        await Assertions.Expect(status).ToHaveTextAsync("Normal", new LocatorAssertionsToHaveTextOptions { Timeout = (float)TranscodeTimeout.TotalMilliseconds });

        await row.Locator("[data-testid=row-title]").ClickAsync();
        var drawer = page.Locator("[data-testid=asset-drawer]");
        await Assertions.Expect(drawer.Locator("[data-testid=drawer-title]")).ToHaveTextAsync("Harbour at noon");
        var player = page.Locator("[data-testid=player][data-playback]");
        await player.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await player.EvaluateAsync("video => { video.muted = true; return video.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=player]').currentTime > 0.5");
        await drawer.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "asset-drawer.png") });
        Assert.NotEmpty(await StoredKeysAsync(assetId));

        await page.ClickAsync("[data-testid=drawer-delete]");
        await page.ClickAsync("[data-testid=confirm-delete]");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.False(await ExistsAsync(assetId));
        await WaitUntilAsync(async () => (await StoredKeysAsync(assetId)).Count == 0, $"files are left under media/{assetId}/");
    }

    [Fact]
    public async Task A_viewer_is_offered_no_upload_and_the_upload_endpoints_refuse_its_browser_session()
    {
        var viewer = await _server.CreateUserAsync(RoleNames.Viewer);
        var page = await _browser.SignInAsync(_server.BaseAddress, viewer.Email!);
        await BrowserFixture.WaitForLibraryAsync(page);

        await Assertions.Expect(page.Locator("[data-testid=upload-open]")).ToHaveCountAsync(0);
        var answers = await page.EvaluateAsync<int[]>(
            """
            async () => [
                (await fetch('/upload/token')).status,
                (await fetch('/upload', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"fileName":"clip.mp4","sizeBytes":100}' })).status,
            ]
            """);
        Assert.Equal([403, 403], answers);
    }

    public async Task InitializeAsync()
    {
        await _browser.InitializeAsync();
        _server = await ConsoleServer.StartAsync(_data.Path, new Dictionary<string, string?>
        {
            ["Ingest:SnapshotInterval"] = "00:00:01",
            ["Ingest:WorkerPollInterval"] = "00:00:00.500",
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _browser.DisposeAsync();
        _clips.Dispose();
        _data.Dispose();
    }

    [GeneratedRegex(@"^\s*Transcoding \d{1,3}%\s*$")]
    private static partial Regex TranscodingPercent();

    private async Task<List<string>> StoredKeysAsync(string assetId)
    {
        var keys = new List<string>();
        await foreach (var key in _server.Services.GetRequiredService<IMediaStorage>().ListAsync($"media/{assetId}/"))
        {
            keys.Add(key.Value);
        }

        return keys;
    }

    private async Task<bool> ExistsAsync(string assetId)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediaDbContext>().MediaAssets.AnyAsync(a => a.Id == assetId);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(200);
        }
    }
}
