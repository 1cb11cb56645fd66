using MediaAdmin.Core.Deletion.Remote;
using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MediaAdmin.Tests.Sources.Pair;

/// <summary>The gateway's library page in Chromium: an Editor deletes through Alibaba and reads the results panel.</summary>
[Collection(VodPairGroup.Name)]
public sealed class VodPairBrowserTests(VodPairFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private VodPair Pair => fixture.Pair;

    [Fact]
    public async Task An_editor_deleting_on_the_gateways_library_page_sees_each_video_deleted_or_refused_with_its_reason()
    {
        var granted = await fixture.AddOnRemoteAsync(VodPairFixture.GrantedCategory);
        var otherCategory = await fixture.AddOnRemoteAsync(VodPairFixture.OtherCategory);
        var colleagues = await fixture.AddOnRemoteAsync(VodPairFixture.GrantedCategory, ownedByColleague: true);
        await fixture.MirrorAsync();
        var page = await browser.SignInAsync(Pair.Gateway.BaseAddress, fixture.GatewayEditor.Email!);
        try
        {
            await page.GotoAsync("/?q=" + Uri.EscapeDataString("pair clip"));
            await BrowserFixture.WaitForLibraryAsync(page);
            foreach (var asset in new[] { granted, otherCategory, colleagues })
            {
                await BrowserFixture.Input(page, $"select-{asset.Id}").CheckAsync();
            }

            await page.ClickAsync("[data-testid=delete-selected]");
            await page.ClickAsync("[data-testid=confirm-delete]");

            var results = page.Locator("[data-testid=results-panel]");
            await Assertions.Expect(results.Locator("[data-testid=deleted-list]")).ToContainTextAsync(granted.Id);
            await Assertions.Expect(results.Locator("[data-testid=forbidden-list]")).ToContainTextAsync(otherCategory.Id);
            await Assertions.Expect(results.Locator("[data-testid=forbidden-list]")).ToContainTextAsync($"\"{VodPairFixture.OtherCategory.Name}\"");
            await Assertions.Expect(results.Locator("[data-testid=forbidden-list]")).ToContainTextAsync(colleagues.Id);
            await Assertions.Expect(results.Locator("[data-testid=forbidden-list]")).ToContainTextAsync(RemoteDeletionErrors.RefusedByAlibaba);
            await Assertions.Expect(results.Locator("[data-testid=cdn-urls]")).ToContainTextAsync(granted.Files.First(f => f.Kind == Core.Library.MediaFileKind.Stream).CdnUrl);
            await results.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "gateway-results-panel.png") });
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        Assert.Null(await LibraryRows.FindAsync(Pair.Remote, granted.Id));
        var storage = Pair.Remote.Services.GetRequiredService<IMediaStorage>();
        await Poll.UntilAsync(async () => !await storage.ExistsAsync(StorageKey.Parse(granted.Files[0].StorageKey)), TimeSpan.FromSeconds(60), "the remote to remove the files");
    }
}
