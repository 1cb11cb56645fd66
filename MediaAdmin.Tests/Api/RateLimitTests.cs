using System.Text.Json;
using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Instances;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Instances;
using MediaAdmin.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Api;

public sealed class RateLimitTests : ConsoleServerTest
{
    protected override IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Api:DeleteVideoPerSecond"] = "3",
        ["Api:SignatureFailuresPerMinute"] = "4",
    };

    // Every call of a burst stamped at one instant: stamped as they arrived, calls the server then handled out of that
    // order let fewer through (a call stamped later, handled first, starts the bucket's second later), which failed
    // this test under a busy CI machine.
    protected override Action<WebApplicationBuilder>? Configure { get; } =
        builder => builder.Services.AddKeyedSingleton<TimeProvider>(RatePace.ClockKey, new FrozenClock(DateTimeOffset.UtcNow));

    [Fact]
    public async Task DeleteVideo_calls_past_the_per_user_rate_get_Throttling_User_429()
    {
        var key = await KeyAsync();
        using var http = new HttpClient { BaseAddress = Server.ApiAddress };

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => http.GetAsync("/?" + SignedRequests.DeleteVideoQuery(key.Id, key.Secret, VideoId.New()))));

        var throttled = answers.Where(a => (int)a.StatusCode == 429).ToList();

        // Three a second, all eight at one instant: three go through.
        Assert.Equal(3, answers.Length - throttled.Count);
        Assert.Equal("Throttling.User", JsonDocument.Parse(await throttled[0].Content.ReadAsStringAsync()).RootElement.GetProperty("Code").GetString());
    }

    [Fact]
    public async Task An_address_that_keeps_failing_signatures_is_throttled_even_with_the_right_secret()
    {
        var key = await KeyAsync();
        using var http = new HttpClient { BaseAddress = Server.ApiAddress };

        var failures = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            failures.Add(await CodeAsync(await http.GetAsync("/?" + SignedRequests.DeleteVideoQuery(key.Id, "guess" + i, VideoId.New()))));
        }

        var rightSecret = await CodeAsync(await http.GetAsync("/?" + SignedRequests.DeleteVideoQuery(key.Id, key.Secret, VideoId.New())));

        Assert.Equal(Enumerable.Repeat("SignatureDoesNotMatch", 5), failures);
        Assert.Equal("Throttling", rightSecret);
    }

    private async Task<NewAccessKey> KeyAsync()
    {
        var editor = await Server.CreateUserAsync(RoleNames.Editor);
        return (await Server.Services.GetRequiredService<AccessKeyService>().CreateAsync(editor.Id, editor.Id)).Value;
    }


    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("Code", out var code) ? code.GetString() : null;
}
