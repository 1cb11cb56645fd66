using System.Text.Json;
using MediaAdmin.Core.Library;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Sources.Pair;

/// <summary>
/// Alibaba's own clients, pop-core and openapi-client, get the same answers and error codes from the gateway (the
/// AlibabaVod source, deciding by granted category and calling the remote) as from the remote (the local library).
/// </summary>
[Collection(VodPairGroup.Name)]
public sealed class VodPairInteropTests(VodPairFixture fixture, AlibabaClientsFixture clients) : IClassFixture<AlibabaClientsFixture>
{
    private const string RequestIdFormat = "^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$";

    /// <summary>What each server says of itself: its RequestId, host and (opaque) ScrollToken, and the clients' summaries quoting them.</summary>
    private static readonly string[] ServerOwnFields = ["RequestId", "HostId", "ScrollToken", "message"];

    private VodPair Pair => fixture.Pair;

    [Theory]
    [InlineData(AlibabaClientCall.PopCore)]
    [InlineData(AlibabaClientCall.OpenApiClient)]
    public async Task A_mixed_DeleteVideo_batch_is_answered_alike_by_the_gateway_and_the_remote(string client)
    {
        var (remoteOwn, remoteTheirs, remoteMissing) = (await fixture.AddOnRemoteAsync(VodPairFixture.GrantedCategory), await fixture.AddOnRemoteAsync(VodPairFixture.GrantedCategory, ownedByColleague: true), VideoId.New());
        var gatewayOwn = await fixture.AddOnRemoteAsync(VodPairFixture.GrantedCategory);
        var otherCategory = await fixture.AddOnRemoteAsync(VodPairFixture.OtherCategory);
        var refusedByRemote = await fixture.AddOnRemoteAsync(VodPairFixture.GrantedCategory, ownedByColleague: true);
        var gatewayMissing = VideoId.New();
        await fixture.MirrorAsync();
        var gatewayKey = fixture.GatewayEditorKey;

        var answers = await AlibabaClientBatch.RunAsync(clients,
        [
            new(client, Pair.Remote.ApiAddress, Pair.RemoteKey.Id, Pair.RemoteKey.Secret, "DeleteVideo", new { VideoIds = $"{remoteOwn.Id},{remoteTheirs.Id},{remoteMissing}" }),
            new(client, Pair.Gateway.ApiAddress, gatewayKey.Id, gatewayKey.Secret, "DeleteVideo", new { VideoIds = $"{gatewayOwn.Id},{otherCategory.Id},{refusedByRemote.Id},{gatewayMissing}" }),
        ]);

        var (remote, gateway) = (Data(answers[0]), Data(answers[1]));
        Assert.Equal(PropertyNames(remote), PropertyNames(gateway));
        Assert.Matches(RequestIdFormat, remote.GetProperty("RequestId").GetString());
        Assert.Matches(RequestIdFormat, gateway.GetProperty("RequestId").GetString());
        Assert.Equal([remoteTheirs.Id], Ids(remote, "ForbiddenVideoIds"));
        Assert.Equal([remoteMissing], Ids(remote, "NonExistVideoIds"));
        Assert.Equal(new[] { otherCategory.Id, refusedByRemote.Id }.Order(), Ids(gateway, "ForbiddenVideoIds").Order());
        Assert.Equal([gatewayMissing], Ids(gateway, "NonExistVideoIds"));
        Assert.Null(await LibraryRows.FindAsync(Pair.Remote, remoteOwn.Id));
        Assert.Null(await LibraryRows.FindAsync(Pair.Remote, gatewayOwn.Id));
        Assert.Null(await LibraryRows.FindAsync(Pair.Gateway, gatewayOwn.Id));
    }

    [Theory]
    [InlineData("too-many", "VideoIdsExceededMax", 400)]
    [InlineData("none", "MissingVideoIds", 400)]
    [InlineData("unknown", "InvalidVideo.NotFound", 404)]
    [InlineData("database-down", "DeleteVideoFailed", 503)]
    public async Task Each_DeleteVideo_error_reaches_both_clients_with_the_same_code_from_the_gateway_as_from_the_remote(string situation, string code, int status)
    {
        var kept = await fixture.AddOnRemoteAsync(VodPairFixture.GrantedCategory);
        await fixture.MirrorAsync();
        var gatewayKey = fixture.GatewayEditorKey;
        var videoIds = situation switch
        {
            "too-many" => string.Join(",", Enumerable.Range(0, 21).Select(_ => VideoId.New())),
            "none" => " , ",
            "unknown" => VideoId.New(),
            _ => kept.Id,
        };
        var calls = new[] { AlibabaClientCall.PopCore, AlibabaClientCall.OpenApiClient }.SelectMany(client => new AlibabaClientCall[]
        {
            new(client, Pair.Remote.ApiAddress, Pair.RemoteKey.Id, Pair.RemoteKey.Secret, "DeleteVideo", new { VideoIds = videoIds }),
            new(client, Pair.Gateway.ApiAddress, gatewayKey.Id, gatewayKey.Secret, "DeleteVideo", new { VideoIds = videoIds }),
        }).ToList();

        // The remote's own database fails: the remote answers DeleteVideoFailed, and the gateway must pass it on.
        fixture.RemoteDatabase.FailWhenSqlContains = situation == "database-down" ? "DELETE FROM \"MediaAssets\"" : null;
        IReadOnlyList<JsonElement> answers;
        try
        {
            answers = await AlibabaClientBatch.RunAsync(clients, calls);
        }
        finally
        {
            fixture.RemoteDatabase.FailWhenSqlContains = null;
        }

        for (var i = 0; i < calls.Count; i++)
        {
            var answer = answers[i];
            var where = $"{calls[i].Client} against the {(calls[i].ApiAddress == Pair.Remote.ApiAddress ? "remote" : "gateway")}: {answer}";
            Assert.False(answer.GetProperty("ok").GetBoolean(), where);
            Assert.True((code, status) == (answer.GetProperty("code").GetString(), answer.GetProperty("statusCode").GetInt32()), where);
            Assert.True(code == answer.GetProperty("data").GetProperty("Code").GetString(), where);
        }

        // The gateway may say more of a failure at the remote than the remote itself, after Alibaba's own words.
        string[] ignored = situation == "database-down" ? [.. ServerOwnFields, "Message"] : ServerOwnFields;
        var differences = Enumerable.Range(0, 2)
            .SelectMany(i => JsonDifferences.Between(answers[2 * i], answers[(2 * i) + 1], ignored).Select(d => $"{calls[2 * i].Client}: {d}"))
            .ToList();
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.StartsWith(ErrorMessage(answers[0]), ErrorMessage(answers[1]), StringComparison.Ordinal);
        Assert.StartsWith(ErrorMessage(answers[2]), ErrorMessage(answers[3]), StringComparison.Ordinal);
        Assert.NotNull(await LibraryRows.FindAsync(Pair.Remote, kept.Id));
        Assert.NotNull(await LibraryRows.FindAsync(Pair.Gateway, kept.Id));
    }

    [Fact]
    public async Task GetVideoInfo_GetVideoList_and_SearchMedia_answer_alike_from_the_gateway_and_the_remote()
    {
        var asset = await fixture.AddOnRemoteAsync(VodPairFixture.OtherCategory);
        await fixture.MirrorAsync();
        var gatewayKey = fixture.GatewayEditorKey;
        var word = asset.Title.Split(' ')[1];
        (string Action, object Parameters, string Method)[] reads =
        [
            ("GetVideoInfo", new { VideoId = asset.Id }, "GET"),
            ("GetVideoInfo", new { VideoId = VideoId.New() }, "GET"),
            ("GetVideoList", new { Status = "Normal", CateId = VodPairFixture.OtherCategory.Id, PageSize = 100, SortBy = "CreationTime:Asc" }, "GET"),
            ("SearchMedia", new { SearchType = "video", Match = $"Title = '{word}'" }, "POST"),
            ("SearchMedia", new { Match = "Title like '%x%' or 1=1" }, "GET"),
        ];

        var answers = await AlibabaClientBatch.RunAsync(clients, [.. reads.SelectMany(read => new AlibabaClientCall[]
        {
            new(AlibabaClientCall.PopCore, Pair.Remote.ApiAddress, Pair.RemoteKey.Id, Pair.RemoteKey.Secret, read.Action, read.Parameters, read.Method),
            new(AlibabaClientCall.PopCore, Pair.Gateway.ApiAddress, gatewayKey.Id, gatewayKey.Secret, read.Action, read.Parameters, read.Method),
        })]);

        // Each line: where the remote's answer (left) and the gateway's (right) differ.
        var differences = Enumerable.Range(0, reads.Length)
            .SelectMany(i => JsonDifferences.Between(answers[2 * i], answers[(2 * i) + 1], ServerOwnFields).Select(d => $"{reads[i].Action}: {d}"))
            .ToList();
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));

        Assert.Equal(asset.Title, answers[0].GetProperty("data").GetProperty("Video").GetProperty("Title").GetString());
        Assert.Equal("InvalidVideo.NotFound", answers[2].GetProperty("code").GetString());
        Assert.Equal([asset.Id], answers[6].GetProperty("data").GetProperty("MediaList").EnumerateArray().Select(m => m.GetProperty("MediaId").GetString()));
        Assert.Equal("InvalidParameter", answers[8].GetProperty("code").GetString());
    }

    private static JsonElement Data(JsonElement answer)
    {
        Assert.True(answer.GetProperty("ok").GetBoolean(), answer.ToString());
        return answer.GetProperty("data");
    }

    private static List<string> PropertyNames(JsonElement data) => [.. data.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static IEnumerable<string?> Ids(JsonElement data, string list) => data.GetProperty(list).EnumerateArray().Select(e => e.GetString());

    private static string ErrorMessage(JsonElement answer) => answer.GetProperty("data").GetProperty("Message").GetString()!;
}
