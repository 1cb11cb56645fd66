using System.Net;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Web;

public sealed class ConsoleHostTests : ConsoleServerTest
{
    [Fact]
    public async Task The_console_listens_on_loopback_and_sends_anonymous_users_to_sign_in()
    {
        Assert.Equal("127.0.0.1", Server.BaseAddress.Host);
        using var client = Server.CreateClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.css")).StatusCode);
        Assert.True(File.Exists(Path.Combine(Folder.Path, "mediaadmin.db")));
    }

    [Fact]
    public async Task Stored_files_are_served_under_cdn_and_paths_outside_storage_are_not()
    {
        var user = await Server.CreateUserAsync(RoleNames.Editor);
        var asset = await Server.Services.GetRequiredService<Core.Library.AssetIngestion>().IngestAsync(Drafts.Video(user.Id, "Served"));
        await File.WriteAllTextAsync(Path.Combine(Folder.Path, "secret.txt"), "secret");
        using var client = Server.CreateClient();

        var cover = await client.GetAsync($"/cdn/media/{asset.Id}/snapshots/00.png");

        Assert.Equal(HttpStatusCode.OK, cover.StatusCode);
        Assert.Equal("image/png", cover.Content.Headers.ContentType?.MediaType);
        foreach (var escape in new[] { "/cdn/../secret.txt", "/cdn/..%2Fsecret.txt", "/cdn/%2e%2e/secret.txt", "/cdn//etc/passwd" })
        {
            var response = await client.GetAsync(escape);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("secret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/cdn/media/none/x.png")).StatusCode);
    }
}
