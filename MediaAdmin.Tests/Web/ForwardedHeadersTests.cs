using System.Net;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Web;

/// <summary>Behind a TLS-terminating proxy: X-Forwarded-For/Proto count only when they come from a configured proxy.</summary>
public sealed class ForwardedHeadersTests : IDisposable
{
    private const string ProbePath = "/test-probe/remote";
    private const string Believed = "203.0.113.7 https";
    private const string Ignored = "127.0.0.1 http";
    private readonly TempFolder _folder = new();
    private readonly RemoteAddressProbe _probe = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A proxy setting, its value, and what a request from 127.0.0.1 through it is then seen as.</summary>
    public static TheoryData<string, string, string> Proxies { get; } = new()
    {
        { "ForwardedHeaders:KnownProxies:0", "127.0.0.1", Believed }, { "ForwardedHeaders:KnownNetworks:0", "127.0.0.0/8", Believed },
        { "ForwardedHeaders:KnownProxies:0", "10.9.8.7", Ignored }, { "ForwardedHeaders:KnownNetworks:0", "192.168.0.0/16", Ignored },
    };

    [Theory]
    [MemberData(nameof(Proxies))]
    public async Task Only_a_known_proxy_is_believed_about_the_client_address_and_https(string setting, string value, string expected)
    {
        await using var server = await StartAsync(new() { [setting] = value });
        using var client = server.CreateClient();

        var seen = await ProbeAsync(client);
        var cookie = await SignInCookieAsync(server);

        Assert.Equal(expected, seen);
        Assert.Equal(expected == Believed, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task With_no_proxy_configured_forwarded_headers_are_ignored()
    {
        await using var server = await StartAsync([]);
        using var client = server.CreateClient();

        Assert.Equal(Ignored, await ProbeAsync(client));
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.example")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.1")]
    public async Task A_proxy_setting_that_is_not_an_address_stops_start_up_naming_the_setting(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { [setting] = value }));

        Assert.Contains(setting[..setting.LastIndexOf(':')], error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    private Task<ConsoleServer> StartAsync(Dictionary<string, string?> settings) =>
        ConsoleServer.StartAsync(_folder.Path, settings, builder => builder.Services.AddSingleton<IStartupFilter>(_probe));

    private async Task<string?> ProbeAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ProbePath);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);
        return _probe.Seen;
    }

    /// <summary>The auth cookie of a sign-in posted as if through the proxy, over https.</summary>
    private static async Task<string> SignInCookieAsync(ConsoleServer server)
    {
        var user = await server.CreateUserAsync(RoleNames.Viewer);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var response = await LoginForm.PostAsync(client, user.Email!, "Test-Password-1", handOverCookies: true);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return LoginForm.SetCookie(response, "MediaAdmin.Auth");
    }

    /// <summary>Notes, once the console's pipeline has run, the client address and scheme a probe request was seen with.</summary>
    private sealed class RemoteAddressProbe : IStartupFilter
    {
        public string? Seen { get; private set; }

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                await inner(context);
                if (context.Request.Path == ProbePath)
                {
                    Seen = $"{context.Connection.RemoteIpAddress} {context.Request.Scheme}";
                }
            });
            next(app);
        };
    }
}
