using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn;

/// <summary>The sandbox on /cdn governs documents made from stored files, not the console's own use of them.</summary>
public sealed class CdnPlaybackBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_console_page_still_plays_stored_media_and_shows_stored_images()
    {
        using var folder = new TempFolder();
        await using var server = await ConsoleServer.StartAsync(folder.Path);
        var storage = server.Services.GetRequiredService<IMediaStorage>();
        await storage.WriteAsync(StorageKey.Parse("media/play/source.wav"), new MemoryStream(HalfSecondOfTone()));
        await storage.WriteAsync(StorageKey.Parse("media/play/cover.png"), new MemoryStream(PngImage.Encode(16, 9, (x, y) => ((byte)(x * 15), (byte)(y * 28), 128))));
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        var duration = await page.EvaluateAsync<double>(
            """
            src => new Promise((resolve, reject) => {
                const video = document.createElement('video');
                video.muted = true;
                video.onloadedmetadata = () => resolve(video.duration);
                video.onerror = () => reject(new Error('video failed: ' + (video.error && video.error.code)));
                video.src = src;
                document.body.appendChild(video);
            })
            """,
            "/cdn/media/play/source.wav");
        var width = await page.EvaluateAsync<int>(
            """
            src => new Promise((resolve, reject) => {
                const image = new Image();
                image.onload = () => resolve(image.naturalWidth);
                image.onerror = () => reject(new Error('image failed'));
                image.src = src;
                document.body.appendChild(image);
            })
            """,
            "/cdn/media/play/cover.png");

        Assert.InRange(duration, 0.45, 0.55);
        Assert.Equal(16, width);
    }

    /// <summary>A 16-bit mono PCM WAV file: half a second of a 440 Hz tone at 8 kHz.</summary>
    private static byte[] HalfSecondOfTone()
    {
        const int rate = 8000;
        const int samples = rate / 2;
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write("RIFF"u8);
            writer.Write(36 + (samples * 2));
            writer.Write("WAVEfmt "u8);
            writer.Write(16);
            writer.Write((short)1);
            writer.Write((short)1);
            writer.Write(rate);
            writer.Write(rate * 2);
            writer.Write((short)2);
            writer.Write((short)16);
            writer.Write("data"u8);
            writer.Write(samples * 2);
            for (var i = 0; i < samples; i++)
            {
                writer.Write((short)(Math.Sin(2 * Math.PI * 440 * i / rate) * 8000));
            }
        }

        return buffer.ToArray();
    }
}
