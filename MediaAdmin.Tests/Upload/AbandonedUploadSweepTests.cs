using MediaAdmin.Core.Ingest.Uploads;
using MediaAdmin.Core.Permissions;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Upload;

/// <summary>Partial uploads survive a restart, and those untouched for Ingest:AbandonedUploadAfter are swept away.</summary>
public sealed class AbandonedUploadSweepTests : UploadServerTest
{
    [Fact]
    public async Task An_upload_untouched_past_the_limit_is_removed_with_its_sidecar_and_a_recent_one_resumes_after_a_restart()
    {
        using var editor = await UploadClient.SignInAsync(Server, RoleNames.Editor);
        var (abandoned, _) = await editor.StartPartlySentAsync("old.mov", 100, 50);
        var (recent, _) = await editor.StartPartlySentAsync("new.mov", 100, 30);

        // The default limit is a day; two days without a write is abandoned.
        await RestartServerAsync(() =>
        {
            foreach (var path in Directory.GetFiles(UploadsFolder, abandoned + ".*"))
            {
                File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-2));
            }
        });

        for (var attempt = 0; attempt < 50 && FilesLeftInUploads().Any(f => f.StartsWith(abandoned, StringComparison.Ordinal)); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Equal([$"{recent}.json", $"{recent}.part"], FilesLeftInUploads().Order(StringComparer.Ordinal));
        var resumable = await Server.Services.GetRequiredService<UploadStore>().ProgressAsync(editor.UserId, recent);
        Assert.Equal(30, resumable.Value.ReceivedBytes);
    }
}
