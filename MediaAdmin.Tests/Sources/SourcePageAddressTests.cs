using System.Net;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Sources;

public sealed class SourcePageAddressTests : ConsoleServerTest
{
    [Fact]
    public async Task With_the_local_library_an_administrator_asking_for_the_Source_page_gets_Not_found()
    {
        var response = await GetSourcePageAsAsync(RoleNames.Administrator);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("source-sync-now", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editors_asking_for_the_Source_page_are_sent_to_access_denied()
    {
        var response = await GetSourcePageAsAsync(RoleNames.Editor);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetSourcePageAsAsync(string role)
    {
        var user = await Server.CreateUserAsync(role);
        using var client = Server.CreateClient();
        await ConsoleServer.PostLoginAsync(client, user.Email!, "Test-Password-1");
        return await client.GetAsync("/admin/source");
    }
}
