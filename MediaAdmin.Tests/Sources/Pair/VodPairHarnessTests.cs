using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Library;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources.Pair;

/// <summary>The pair itself: the remote answers the gateway's VOD client as ApsaraVideo VOD would.</summary>
public sealed class VodPairHarnessTests(SeededVodPairFixture fixture) : IClassFixture<SeededVodPairFixture>
{
    [Fact]
    public async Task The_remote_answers_the_gateways_vod_client_with_the_seeded_videos_and_audio()
    {
        var client = fixture.Pair.Gateway.Services.GetRequiredService<VodClient>();

        var videos = await client.SearchMediaAsync(fixture.Pair.RemoteAccount, new VodSearchRequest("video"));
        var audio = await client.SearchMediaAsync(fixture.Pair.RemoteAccount, new VodSearchRequest("audio"));

        Assert.True(videos.IsSuccess, videos.Error?.ToString());
        Assert.True(audio.IsSuccess, audio.Error?.ToString());
        Assert.Equal(SeededVodPairFixture.SeededAssets / 10, audio.Value.Total);
        var first = videos.Value.Videos[0];
        Assert.Equal(
            (RemoteLibrarySeed.TitleOf(0), MediaStatus.Uploading, 1001L, "Harbour films"),
            (first.Title, first.MediaStatus, first.CateId!.Value, first.CateName));
        Assert.Equal(VodSearchRequest.MaxPageSize, videos.Value.Videos.Count);
        Assert.All(audio.Value.Videos, a => Assert.Equal(MediaType.Audio, a.MediaType));
    }
}
