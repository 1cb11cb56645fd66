using MediaAdmin.Core.AlibabaVod;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources.AlibabaVod;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Sources;

public sealed class RemoteThumbnailTests : CoreHostTest
{
    [Fact]
    public async Task The_library_shows_a_mirrored_video_with_the_remote_cover_as_its_thumbnail()
    {
        var id = GeneratedCatalog.IdOf(77);
        var cover = $"https://cdn.example.test/vod/{id}/cover.jpg";
        await App.Services.GetRequiredService<RemoteMirror>().UpsertAsync(
            [new VodRemoteVideo(id, MediaType.Video, "Remote", null, "Normal", 10, 1_000, null, null, cover, DateTime.UtcNow, null, [])], seenInSyncRunId: 1, DateTime.UtcNow);
        var admin = await App.CreateUserAsync(RoleNames.Administrator);

        var page = await App.Services.GetRequiredService<LibraryQueryService>().QueryAsync(admin.Id, new LibraryQuery());

        Assert.Equal(cover, Assert.Single(page.Value.Rows).ThumbnailUrl);
    }
}
