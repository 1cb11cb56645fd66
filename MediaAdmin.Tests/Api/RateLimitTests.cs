using System.Globalization;
using System.Text.Json;
using MediaAdmin.Core.Api;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Api;

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private ConsoleServer _server = null!;

    public async Task InitializeAsync() => _server = await ConsoleServer.StartAsync(_folder.Path, new Dictionary<string, string?>
    {
        ["Api:DeleteVideoPerSecond"] = "3",
        ["Api:SignatureFailuresPerMinute"] = "4",
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task DeleteVideo_calls_past_the_per_user_rate_get_Throttling_User_429()
    {
        var key = await KeyAsync();
        using var http = new HttpClient { BaseAddress = _server.ApiAddress };

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => http.GetAsync("/?" + Signed(key, key.Secret))));

        var throttled = answers.Where(a => (int)a.StatusCode == 429).ToList();
        // Three a second: at least three go through, at most six if the burst straddles two windows.
        Assert.NotEmpty(throttled);
        Assert.InRange(answers.Length - throttled.Count, 3, 6);
        Assert.Equal("Throttling.User", JsonDocument.Parse(await throttled[0].Content.ReadAsStringAsync()).RootElement.GetProperty("Code").GetString());
    }

    [Fact]
    public async Task An_address_that_keeps_failing_signatures_is_throttled_even_with_the_right_secret()
    {
        var key = await KeyAsync();
        using var http = new HttpClient { BaseAddress = _server.ApiAddress };

        var failures = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            failures.Add(await CodeAsync(await http.GetAsync("/?" + Signed(key, "guess" + i))));
        }

        var rightSecret = await CodeAsync(await http.GetAsync("/?" + Signed(key, key.Secret)));

        Assert.Equal(Enumerable.Repeat("SignatureDoesNotMatch", 5), failures);
        Assert.Equal("Throttling", rightSecret);
    }

    private async Task<NewAccessKey> KeyAsync()
    {
        var editor = await _server.CreateUserAsync(RoleNames.Editor);
        return (await _server.Services.GetRequiredService<AccessKeyService>().CreateAsync(editor.Id, editor.Id)).Key!;
    }

    private static string Signed(NewAccessKey key, string secret)
    {
        var parameters = new Dictionary<string, string>
        {
            ["Action"] = "DeleteVideo", ["Version"] = "2017-03-21", ["Format"] = "JSON", ["AccessKeyId"] = key.Id,
            ["SignatureMethod"] = "HMAC-SHA1", ["SignatureVersion"] = "1.0", ["SignatureNonce"] = Guid.NewGuid().ToString("N"),
            ["Timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), ["VideoIds"] = VideoId.New(),
        };
        parameters["Signature"] = RpcSignature.Compute("GET", parameters, secret);
        return string.Join("&", parameters.Select(p => RpcSignature.Encode(p.Key) + "=" + RpcSignature.Encode(p.Value)));
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("Code", out var code) ? code.GetString() : null;
}
