using System.Net;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Reconciliation;

/// <summary>The reconciliation page is for administrators only, decided by the server for each request.</summary>
public sealed class ReconcilePageAccessTests : ConsoleServerTest
{
    [Theory]
    [InlineData(RoleNames.Editor, false)]
    [InlineData(RoleNames.Viewer, false)]
    [InlineData(RoleNames.Administrator, true)]
    public async Task Only_an_administrator_gets_the_page(string role, bool allowed)
    {
        using var client = Server.CreateClient();
        var user = await Server.CreateUserAsync(role);
        Assert.Equal(HttpStatusCode.Redirect, (await ConsoleServer.PostLoginAsync(client, user.Email!, "Test-Password-1")).StatusCode);

        var response = await client.GetAsync("/admin/reconcile");

        var denied = response.StatusCode == HttpStatusCode.Forbidden
            || response.Headers.Location?.ToString().Contains("/Account/AccessDenied", StringComparison.Ordinal) == true;
        Assert.Equal(allowed, response.StatusCode == HttpStatusCode.OK);
        Assert.Equal(!allowed, denied);
    }
}
