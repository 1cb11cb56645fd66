using System.Net;
using System.Text;
using System.Text.Json;
using MediaAdmin.Core.AccessKeys;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Api;

/// <summary>
/// SearchMedia's Match from any AccessKey holder, over the real API port: hostile input answers at once.
/// The timeouts only stop a hung test; they are no measurement.
/// </summary>
public sealed class SearchMediaMatchTests : ConsoleServerTest
{
    public static TheoryData<string> HostileMatches { get; } = new()
    {
        // The reported input: 18 items, a stray 'x' and no closing parenthesis; the old pattern backtracked for about 40 s.
        "VideoId in (" + string.Concat(Enumerable.Repeat("'a'  ", 18)) + "x",
        "VideoId in (" + string.Concat(Enumerable.Repeat("'a'  ", 10_000)) + "x",
        "VideoId in (" + string.Join(",", Enumerable.Repeat("'a'", 10_000)) + ")",
        "Title = 'harbour",
        "Title = 'harbour' and Status in ('Normal)",
        "VideoId in (('a'))",
        new string('(', 10_000) + "'a'" + new string(')', 10_000),
        "Title = 'x' and " + string.Join(" and ", Enumerable.Repeat("Title =", 5_000)),
    };

    [Theory(Timeout = 10_000)]
    [MemberData(nameof(HostileMatches))]
    public async Task A_hostile_Match_answers_InvalidParameter_naming_Match(string match)
    {
        var key = await KeyAsync();
        using var http = new HttpClient { BaseAddress = Server.ApiAddress };

        var body = SignedRequests.Query(key.Id, key.Secret, "SearchMedia", new Dictionary<string, string> { ["Match"] = match }, method: "POST");
        using var answer = await http.PostAsync("/", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal("InvalidParameter", json.RootElement.GetProperty("Code").GetString());
        Assert.StartsWith("The specified parameter \"Match\" is not valid", json.RootElement.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task Long_but_valid_Match_clauses_answer_results()
    {
        var key = await KeyAsync();
        using var http = new HttpClient { BaseAddress = Server.ApiAddress };
        var match = string.Join(" and ", Enumerable.Repeat("Title = 'harbour' and Status in ('Normal' 'Blocked',)", 2_000));

        var body = SignedRequests.Query(key.Id, key.Secret, "SearchMedia", new Dictionary<string, string> { ["Match"] = match }, method: "POST");
        using var answer = await http.PostAsync("/", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal(0, json.RootElement.GetProperty("Total").GetInt32());
    }

    private async Task<NewAccessKey> KeyAsync()
    {
        var viewer = await Server.CreateUserAsync(RoleNames.Viewer);
        return (await Server.Services.GetRequiredService<AccessKeyService>().CreateAsync(viewer.Id, viewer.Id)).Value;
    }
}
