using System.Net;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Web;

/// <summary>The login form and sign-out over the real host, as a browser posts them.</summary>
public sealed class SignInTests(SignInServer fixture) : IClassFixture<SignInServer>
{
    private const string Password = "Test-Password-1";
    private const string WrongPassword = "Wrong-Password-1";
    private const string Failed = "Wrong e-mail or password.";
    private const string Disabled = "This account is disabled.";

    private ConsoleServer Server => fixture.Server;

    [Fact]
    public async Task A_disabled_account_is_named_only_to_someone_who_knows_its_password()
    {
        var user = await Server.CreateUserAsync(RoleNames.Editor);
        await Server.WithUsersAsync(async users =>
        {
            user = (await users.FindByIdAsync(user.Id))!;
            user.IsDisabled = true;
            return await users.UpdateAsync(user);
        });
        using var client = Server.CreateClient();

        var wrongPassword = await LoginForm.PostAsync(client, user.Email!, WrongPassword);
        var rightPassword = await LoginForm.PostAsync(client, user.Email!, Password);

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        var wrongPage = await wrongPassword.Content.ReadAsStringAsync();
        Assert.Contains(Failed, wrongPage, StringComparison.Ordinal);
        Assert.DoesNotContain(Disabled, wrongPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains(Disabled, await rightPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("MediaAdmin.Auth=", string.Join("\n", rightPassword.Headers.TryGetValues("Set-Cookie", out var set) ? set : []), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_email_costs_one_password_hash_like_a_known_one()
    {
        var user = await Server.CreateUserAsync(RoleNames.Viewer);
        using var client = Server.CreateClient();

        var beforeKnown = fixture.Hasher.Hashes;
        var known = await LoginForm.PostAsync(client, user.Email!, WrongPassword);
        var knownHashes = fixture.Hasher.Hashes - beforeKnown;
        var beforeUnknown = fixture.Hasher.Hashes;
        var unknown = await LoginForm.PostAsync(client, $"nobody-{Guid.NewGuid():N}@test.local", WrongPassword);
        var unknownHashes = fixture.Hasher.Hashes - beforeUnknown;

        Assert.Equal((1, 1), (knownHashes, unknownHashes));
        Assert.Contains(Failed, await known.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(Failed, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("http:evil.example")]
    public async Task A_return_url_off_the_site_signs_in_and_goes_home(string returnUrl)
    {
        var user = await Server.CreateUserAsync(RoleNames.Viewer);
        using var client = Server.CreateClient();

        var response = await LoginForm.PostAsync(client, user.Email!, Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(Server.BaseAddress, "/"), new Uri(Server.BaseAddress, response.Headers.Location!));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_return_url_on_the_site_is_followed()
    {
        var user = await Server.CreateUserAsync(RoleNames.Viewer);
        using var client = Server.CreateClient();

        var response = await LoginForm.PostAsync(client, user.Email!, Password, "/cdn-refresh?x=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(Server.BaseAddress, "/cdn-refresh?x=1"), new Uri(Server.BaseAddress, response.Headers.Location!));
    }

    [Fact]
    public async Task Signing_out_without_the_antiforgery_token_is_refused_and_keeps_the_user_signed_in()
    {
        var user = await Server.CreateUserAsync(RoleNames.Viewer);
        using var client = Server.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await LoginForm.PostAsync(client, user.Email!, Password)).StatusCode);
        var home = await client.GetStringAsync("/");

        var forged = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));
        var stillIn = await client.GetAsync("/");
        var signedOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = LoginForm.AntiforgeryToken(home),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }
}
