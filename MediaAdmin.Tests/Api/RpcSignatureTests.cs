using MediaAdmin.Core.AccessKeys;

namespace MediaAdmin.Tests.Api;

/// <summary>The worked example and test vectors of ../shared/specs/alibaba-rpc.md, computed there by pop-core's own code.</summary>
public sealed class RpcSignatureTests
{
    private static Dictionary<string, string> Example(string videoIds = "a,b") => new()
    {
        ["AccessKeyId"] = "testid",
        ["Action"] = "DeleteVideo",
        ["Format"] = "JSON",
        ["SignatureMethod"] = "HMAC-SHA1",
        ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
        ["SignatureVersion"] = "1.0",
        ["Timestamp"] = "2024-01-02T03:04:05Z",
        ["Version"] = "2017-03-21",
        ["VideoIds"] = videoIds,
    };

    [Fact]
    public void The_worked_example_gives_the_documented_string_to_sign_and_signatures()
    {
        Assert.Equal(
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDeleteVideo%26Format%3DJSON%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2024-01-02T03%253A04%253A05Z%26Version%3D2017-03-21%26VideoIds%3Da%252Cb",
            RpcSignature.StringToSign("GET", Example()));
        Assert.Equal("CEvrOIF/xhmXiCdwzA0cClPT1Tg=", RpcSignature.Compute("GET", Example(), "testsecret"));
        Assert.Equal("8Sna5GEKOBbIpMzh3qymSTCg7qc=", RpcSignature.Compute("POST", Example(), "testsecret"));
    }

    [Fact]
    public void Encoding_edge_cases_match_the_vector()
    {
        var parameters = Example("a b*c~d+e/f!g'h(i)j=k&l中");
        parameters["RegionId"] = "cn-shanghai";

        Assert.Equal("a%20b%2Ac~d%2Be%2Ff%21g%27h%28i%29j%3Dk%26l%E4%B8%AD", RpcSignature.Encode("a b*c~d+e/f!g'h(i)j=k&l中"));
        Assert.Equal("C526VJuufuLOq8lP0sFoQ77xjPM=", RpcSignature.Compute("GET", parameters, "testsecret"));
    }

    [Fact]
    public void Array_parameters_flattened_by_the_client_match_the_vector()
    {
        var parameters = Example();
        parameters.Remove("VideoIds");
        parameters["VideoIds.1"] = "a";
        parameters["VideoIds.2"] = "b";

        Assert.Equal("7MrWYHX5Fv3y36Nj+sgm+QQNGnM=", RpcSignature.Compute("GET", parameters, "testsecret"));
    }

    [Fact]
    public void Alibabas_documented_example_is_reproduced_and_the_signature_parameter_is_never_signed()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testid", ["Action"] = "DescribeRegions", ["Format"] = "XML", ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", ["SignatureVersion"] = "1.0", ["TimeStamp"] = "2016-02-23T12:46:24Z",
            ["Version"] = "2014-05-26", ["Signature"] = "anything",
        };

        Assert.Equal("CT9X0VtwR86fNWSnsc6v8YGOjuE=", RpcSignature.Compute("GET", parameters, "testsecret"));
    }

    [Fact]
    public void Only_the_exact_signature_matches()
    {
        Assert.True(RpcSignature.Matches("CEvrOIF/xhmXiCdwzA0cClPT1Tg=", "CEvrOIF/xhmXiCdwzA0cClPT1Tg="));
        Assert.False(RpcSignature.Matches("CEvrOIF/xhmXiCdwzA0cClPT1Tg=", "CEvrOIF/xhmXiCdwzA0cClPT1Tg"));
        Assert.False(RpcSignature.Matches("CEvrOIF/xhmXiCdwzA0cClPT1Tg=", "cEvrOIF/xhmXiCdwzA0cClPT1Tg="));
    }
}
