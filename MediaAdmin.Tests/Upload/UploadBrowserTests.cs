using System.Security.Cryptography;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Playwright;

namespace MediaAdmin.Tests.Upload;

/// <summary>upload.js and the dialog in Chromium: files picked, sent in chunks, handed over or refused.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class UploadBrowserTests(UploadBrowserFixture fixture) : IClassFixture<UploadBrowserFixture>
{
    [Fact]
    public async Task An_editor_uploads_a_file_in_chunks_and_sees_its_video_id_while_a_refused_file_shows_the_reason()
    {
        var (editor, page) = await SignInEditorAsync();
        var clip = UploadClient.RandomFile((12 * 1024 * 1024) + 5);

        await page.ClickAsync("[data-testid=upload-open]");
        await page.SetInputFilesAsync("[data-testid=upload-picker]",
        [
            new FilePayload { Name = "Harbour at dawn.mp4", MimeType = "video/mp4", Buffer = clip },
            new FilePayload { Name = "not-media.mp4", MimeType = "video/mp4", Buffer = [1, 2, 3] },
        ]);
        await page.Locator("[data-testid=upload-item]").Nth(1).WaitForAsync();
        await page.ClickAsync("[data-testid=upload-start]");
        await page.WaitForSelectorAsync("[data-testid=upload-done]");
        await page.WaitForSelectorAsync("[data-testid=upload-refused]");

        var done = await page.Locator("[data-testid=upload-item]").Nth(0).InnerTextAsync();
        Assert.Contains("12 MB of 12 MB (100%)", done, StringComparison.Ordinal);
        Assert.Equal(RecordingIngestPipeline.NotMediaRefusal, (await page.InnerTextAsync("[data-testid=upload-refused]")).Trim());
        var handed = fixture.Pipeline.Submissions.Single(s => s.Submission.OwnerId == editor.Id && s.Submission.Title == "Harbour at dawn");
        Assert.Equal(Convert.ToHexString(SHA256.HashData(clip)), handed.Sha256);
        Assert.Empty(Directory.GetFiles(fixture.UploadsFolder));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_chunk_whose_connection_drops_is_resent_from_the_offset_the_server_reports()
    {
        var (editor, page) = await SignInEditorAsync();
        var clip = UploadClient.RandomFile((10 * 1024 * 1024) + 3);
        var dropped = 0;
        var offsetAsked = 0;
        await page.RouteAsync("**/upload/*", async route =>
        {
            var secondChunk = route.Request.Method == "PUT" && (route.Request.Headers.GetValueOrDefault("content-range") ?? string.Empty).StartsWith("bytes 8388608-", StringComparison.Ordinal);
            if (secondChunk && Interlocked.Increment(ref dropped) == 1)
            {
                await route.AbortAsync("connectionreset");
                return;
            }

            if (route.Request.Method == "GET" && !route.Request.Url.EndsWith("/token", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref offsetAsked);
            }

            await route.ContinueAsync();
        });

        await page.ClickAsync("[data-testid=upload-open]");
        await page.SetInputFilesAsync("[data-testid=upload-picker]", [new FilePayload { Name = "Harbour at dusk.mov", MimeType = "video/quicktime", Buffer = clip }]);
        await page.ClickAsync("[data-testid=upload-start]");
        await page.WaitForSelectorAsync("[data-testid=upload-done]", new PageWaitForSelectorOptions { Timeout = 30_000 });

        Assert.Equal((2, 1), (dropped, offsetAsked));
        var handed = fixture.Pipeline.Submissions.Single(s => s.Submission.OwnerId == editor.Id);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(clip)), handed.Sha256);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Once_every_byte_is_sent_cancel_is_gone_and_a_late_cancel_does_not_claim_the_created_asset_was_cancelled()
    {
        var (editor, page) = await SignInEditorAsync();
        var completing = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/upload/*/complete", async route =>
        {
            completing.TrySetResult();
            await release.Task;
            await route.ContinueAsync();
        });

        await page.ClickAsync("[data-testid=upload-open]");
        await page.SetInputFilesAsync("[data-testid=upload-picker]", [new FilePayload { Name = "Pier at noon.mp4", MimeType = "video/mp4", Buffer = UploadClient.RandomFile(64 * 1024) }]);
        await page.ClickAsync("[data-testid=upload-start]");
        await completing.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await page.WaitForSelectorAsync("[data-testid=upload-finishing]");
        var cancelButtons = await page.Locator("[data-testid=upload-cancel]").CountAsync();
        await page.EvaluateAsync("() => mediaAdminUpload.cancelAll()");
        release.SetResult();
        await page.WaitForSelectorAsync("[data-testid=upload-done]", new PageWaitForSelectorOptions { Timeout = 30_000 });

        Assert.Equal(0, cancelButtons);
        Assert.Empty(await page.Locator("[data-testid=upload-refused]").AllAsync());
        Assert.Single(fixture.Pipeline.Submissions, s => s.Submission.OwnerId == editor.Id && s.Submission.Title == "Pier at noon");
        await page.Context.CloseAsync();
    }

    private async Task<(Core.Accounts.MediaUser Editor, IPage Page)> SignInEditorAsync()
    {
        var editor = await fixture.Server.CreateUserAsync(RoleNames.Editor);
        var page = await fixture.Browser.SignInAsync(fixture.Server.BaseAddress, editor.Email!);
        await BrowserFixture.WaitForLibraryAsync(page);
        return (editor, page);
    }
}
