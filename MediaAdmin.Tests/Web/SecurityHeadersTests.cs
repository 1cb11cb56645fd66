using System.Net;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Web;

/// <summary>The browser-hardening headers: on every console page, and not on the API's JSON.</summary>
public sealed class SecurityHeadersTests : ConsoleServerTest
{
    [Fact]
    public async Task Console_pages_forbid_sniffing_leak_no_full_referrer_and_run_only_their_own_scripts()
    {
        var user = await Server.CreateUserAsync(RoleNames.Viewer);
        using var client = Server.CreateClient();
        var login = await client.GetAsync("/Account/Login");
        await ConsoleServer.PostLoginAsync(client, user.Email!, "Test-Password-1");
        var library = await client.GetAsync("/");

        foreach (var page in new[] { login, library })
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("nosniff", Header(page, "X-Content-Type-Options"));
            Assert.Equal("strict-origin-when-cross-origin", Header(page, "Referrer-Policy"));
            var policy = Header(page, "Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries).ToList();
            Assert.Contains("default-src 'self'", policy);
            Assert.Contains("object-src 'none'", policy);
            Assert.Contains("frame-ancestors 'none'", policy);
            Assert.Contains("connect-src 'self' ws: wss:", policy);
            Assert.Contains("style-src 'self' 'unsafe-inline'", policy);
            var scripts = Assert.Single(policy, p => p.StartsWith("script-src ", StringComparison.Ordinal));
            Assert.DoesNotContain("unsafe", scripts, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Images_from_other_origins_are_allowed_only_for_a_console_fronting_an_alibaba_library()
    {
        using var client = Server.CreateClient();
        using var remoteFolder = new TempFolder();
        await using var remote = await ConsoleServer.StartAsync(remoteFolder.Path, Accounts.AlibabaVodSourceHost.Settings);
        using var remoteClient = remote.CreateClient();

        var local = Header(await client.GetAsync("/Account/Login"), "Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries);
        var fronting = Header(await remoteClient.GetAsync("/Account/Login"), "Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries);

        Assert.Contains("img-src 'self' data: blob:", local);
        Assert.Contains("img-src 'self' data: blob: https:", fronting);
    }

    [Fact]
    public async Task The_import_map_the_page_inlines_is_allowed_by_its_hash()
    {
        using var client = Server.CreateClient();

        var login = await client.GetAsync("/Account/Login");

        var html = await login.Content.ReadAsStringAsync();
        var start = html.IndexOf("<script type=\"importmap\">", StringComparison.Ordinal) + "<script type=\"importmap\">".Length;
        var map = html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(map)));
        Assert.Contains($"script-src 'self' 'sha256-{hash}'", Header(login, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_port_answers_json_without_the_console_page_policy()
    {
        using var api = new HttpClient { BaseAddress = Server.ApiAddress };

        var response = await api.GetAsync("/?Action=DeleteVideo");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : string.Empty;
}
