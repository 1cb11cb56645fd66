using System.Net;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Web;

public sealed class ConsoleHostTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private ConsoleServer _server = null!;

    public async Task InitializeAsync() => _server = await ConsoleServer.StartAsync(_folder.Path);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_console_listens_on_loopback_and_sends_anonymous_users_to_sign_in()
    {
        Assert.Equal("127.0.0.1", _server.BaseAddress.Host);
        using var client = _server.CreateClient();

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.css")).StatusCode);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "mediaadmin.db")));
    }

    [Fact]
    public async Task Stored_files_are_served_under_cdn_and_paths_outside_storage_are_not()
    {
        var user = await _server.CreateUserAsync(RoleNames.Editor);
        var asset = await _server.Services.GetRequiredService<Core.Library.AssetIngestion>().IngestAsync(Drafts.Video(user.Id, "Served"));
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "secret.txt"), "secret");
        using var client = _server.CreateClient();

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
