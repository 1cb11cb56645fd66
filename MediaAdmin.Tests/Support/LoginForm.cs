using System.Net;
using System.Text.RegularExpressions;

namespace MediaAdmin.Tests.Support;

/// <summary>The login form posted as a browser posts it: read the form (and its antiforgery token) from a URL, post it back there.</summary>
internal static partial class LoginForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password, string? returnUrl = null, bool handOverCookies = false)
    {
        var url = returnUrl is null ? "/Account/Login" : $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        using var page = await client.GetAsync(url);
        using var post = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = AntiforgeryToken(await page.Content.ReadAsStringAsync()),
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            }),
        };

        // For a client without a cookie container: one that must send back Secure cookies over plain http.
        if (handOverCookies && page.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        }

        return await client.SendAsync(post);
    }

    public static string AntiforgeryToken(string html) => WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value);

    /// <summary>The value of the one <paramref name="name"/> cookie the response sets, with its attributes.</summary>
    public static string SetCookie(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [], c => c.StartsWith(name + "=", StringComparison.Ordinal));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
