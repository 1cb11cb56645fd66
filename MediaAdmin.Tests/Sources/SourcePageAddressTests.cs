using System.Net;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Sources;

public sealed class SourcePageAddressTests : ConsoleServerTest
{
    [Fact]
    public async Task With_the_local_library_an_administrator_asking_for_the_Source_page_gets_Not_found()
    {
        var admin = await Server.CreateUserAsync(RoleNames.Administrator);
        using var client = Server.CreateClient();
        await ConsoleServer.PostLoginAsync(client, admin.Email!, "Test-Password-1");

        var response = await client.GetAsync("/admin/source");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("source-sync-now", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editors_asking_for_the_Source_page_are_sent_to_access_denied()
    {
        var editor = await Server.CreateUserAsync(RoleNames.Editor);
        using var client = Server.CreateClient();
        await ConsoleServer.PostLoginAsync(client, editor.Email!, "Test-Password-1");

        var response = await client.GetAsync("/admin/source");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
