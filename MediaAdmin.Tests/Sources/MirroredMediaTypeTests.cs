using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources;

/// <summary>GetVideoInfos does not say whether a video is audio; a refresh from it must not turn mirrored audio into video.</summary>
public sealed class MirroredMediaTypeTests : CoreHostTest
{
    private static readonly string AudioId = new('b', 32);

    [Fact]
    public async Task A_refresh_that_does_not_tell_the_media_type_keeps_the_mirrored_audio_as_audio()
    {
        var mirror = App.Services.GetRequiredService<RemoteMirror>();
        await mirror.UpsertAsync([Video(MediaType.Audio, "Podcast")], seenInSyncRunId: null, DateTime.UtcNow);

        await mirror.UpsertAsync([Video(mediaType: null, "Podcast, renamed")], seenInSyncRunId: null, DateTime.UtcNow);

        await using var db = await App.OpenDbAsync();
        var asset = await db.MediaAssets.AsNoTracking().SingleAsync(a => a.Id == AudioId);
        Assert.Equal((MediaType.Audio, "Podcast, renamed"), (asset.MediaType, asset.Title));
    }

    private static VodRemoteVideo Video(MediaType? mediaType, string title) =>
        new(AudioId, mediaType, title, null, "Normal", 61.5, 1024, null, null, null, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), null, []);
}
