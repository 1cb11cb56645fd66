using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Ingest;

/// <summary>Media going in through the real pipeline and worker, with Debian's ffmpeg on clips of a few seconds.</summary>
public sealed class IngestPipelineTests : IngestHostTest
{
    [Fact]
    public async Task A_360p_video_reaches_normal_with_its_probe_metadata_and_every_output_a_row_under_its_prefix()
    {
        var editor = await Host.App.CreateUserAsync(RoleNames.Editor);
        var source = await TestClips.VideoAsync(Sources.Path, 640, 360, seconds: 2, name: "My holiday (final).mp4");

        var id = await Host.SubmitAsync(editor.Id, source);

        Assert.Equal(IngestJobState.Succeeded, await Host.AttemptEndedAsync(id));
        var asset = await Host.AssetAsync(id);
        Assert.Equal((MediaStatus.Normal, MediaType.Video, 640, 360, "h264", "aac"), (asset.Status, asset.MediaType, asset.Width, asset.Height, asset.VideoCodec, asset.AudioCodec));
        Assert.InRange(asset.DurationSeconds, 1.5, 2.5);
        Assert.Contains("mp4", asset.SourceFormat, StringComparison.Ordinal);
        Assert.Equal(new FileInfo(source).Length, asset.SourceSizeBytes);
        Assert.Equal(asset.Files.Sum(f => f.SizeBytes), asset.TotalSizeBytes);
        Assert.True(File.Exists(source), "the caller's file is copied, not taken away");

        var mezzanine = Assert.Single(asset.Files, f => f.Kind == MediaFileKind.Mezzanine);
        Assert.Equal($"media/{id}/source/My-holiday-final-.mp4", mezzanine.StorageKey);
        Assert.All(asset.Files, f => Assert.StartsWith($"media/{id}/", f.StorageKey, StringComparison.Ordinal));
        Assert.All(asset.Files, f => Assert.Equal($"https://cdn.example.test/vod/{f.StorageKey}", f.CdnUrl));
        Assert.Contains(asset.Files, f => f.StorageKey == $"media/{id}/streams/master.m3u8");
        Assert.Contains(asset.Files, f => f.StorageKey == $"media/{id}/streams/hls-360p/index.m3u8" && f.Definition == "LD");
        Assert.Contains(asset.Files, f => f.StorageKey.StartsWith($"media/{id}/streams/hls-360p/seg-", StringComparison.Ordinal));
        Assert.DoesNotContain(asset.Files, f => f.Height > 360);
        Assert.Single(asset.Files, f => f.SnapshotKind == SnapshotKind.Cover);
        Assert.Equal(2, asset.Files.Count(f => f.SnapshotKind == SnapshotKind.Normal));

        var job = await Host.JobAsync(id);
        Assert.Equal((IngestJobState.Succeeded, 1.0, 1), (job.State, job.Progress, job.Attempts));
        await Host.AssertNothingStrayAsync();
    }

    [Fact]
    public async Task A_running_jobs_progress_is_stored_while_ffmpeg_encodes()
    {
        var editor = await Host.App.CreateUserAsync(RoleNames.Editor);
        double? seenWhileEncoding = null;
        Host.Hooks.StepReached = (assetId, step) =>
        {
            if (step != IngestStep.Encoding)
            {
                return;
            }

            // ffmpeg waits on this hook: the heartbeat must store the progress reported so far on its own.
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (seenWhileEncoding is not > 0 && DateTime.UtcNow < deadline)
            {
                seenWhileEncoding = Host.JobAsync(assetId).GetAwaiter().GetResult().Progress;
                Thread.Sleep(100);
            }
        };

        var id = await Host.SubmitAsync(editor.Id, await TestClips.VideoAsync(Sources.Path, 320, 180, seconds: 2));

        Assert.Equal(IngestJobState.Succeeded, await Host.AttemptEndedAsync(id));
        Assert.InRange(seenWhileEncoding!.Value, 0.000001, 0.99);
    }

    [Fact]
    public async Task An_audio_file_reaches_normal_with_its_renditions_and_a_cover()
    {
        var editor = await Host.App.CreateUserAsync(RoleNames.Editor);
        var id = await Host.SubmitAsync(editor.Id, await TestClips.AudioAsync(Sources.Path, seconds: 2));

        Assert.Equal(IngestJobState.Succeeded, await Host.AttemptEndedAsync(id));
        var asset = await Host.AssetAsync(id);
        Assert.Equal((MediaStatus.Normal, MediaType.Audio), (asset.Status, asset.MediaType));
        Assert.Equal(["m4a", "mp3"], asset.Files.Where(f => f.Kind == MediaFileKind.Stream).Select(f => f.Format).Order());
        Assert.Single(asset.Files, f => f.SnapshotKind == SnapshotKind.Cover);
        await Host.AssertNothingStrayAsync();
    }

    [Fact]
    public async Task A_viewer_is_refused_and_nothing_is_stored()
    {
        var viewer = await Host.App.CreateUserAsync(RoleNames.Viewer);
        var source = await TestClips.VideoAsync(Sources.Path, 320, 180, seconds: 1);

        var result = await Host.Pipeline.SubmitAsync(new IngestSubmission(viewer.Id, "Clip", source, "clip.mp4"));

        Assert.Equal(ResultStatus.Forbidden, result.Status);
        Assert.Equal("Your roles do not allow uploading media.", result.Error);
        Assert.Empty(await Host.App.LiveAssetIdsAsync());
        Assert.Empty(await Host.App.StoredKeysAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_media_or_is_empty_is_refused_with_why_and_the_callers_file_stays()
    {
        var editor = await Host.App.CreateUserAsync(RoleNames.Editor);
        var text = Path.Combine(Sources.Path, "notes.mp4");
        await File.WriteAllTextAsync(text, "these are meeting notes, not a video");
        var empty = Path.Combine(Sources.Path, "empty.mp4");
        await File.WriteAllBytesAsync(empty, []);

        var notMedia = await Host.Pipeline.SubmitAsync(new IngestSubmission(editor.Id, "Notes", text, "notes.mp4"));
        var nothing = await Host.Pipeline.SubmitAsync(new IngestSubmission(editor.Id, "Empty", empty, "empty.mp4"));

        Assert.Equal(ResultStatus.Invalid, notMedia.Status);
        Assert.StartsWith("The file is not audio or video", notMedia.Error, StringComparison.Ordinal);
        Assert.Equal((ResultStatus.Invalid, "The file 'empty.mp4' is empty."), (nothing.Status, nothing.Error));
        Assert.True(File.Exists(text) && File.Exists(empty));
        Assert.Empty(await Host.App.LiveAssetIdsAsync());
        Assert.Empty(await Host.App.StoredKeysAsync());
    }
}
