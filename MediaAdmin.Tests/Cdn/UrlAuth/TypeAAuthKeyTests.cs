using MediaAdmin.Core.Cdn.UrlAuth;
using MediaAdmin.Core.Results;

namespace MediaAdmin.Tests.Cdn.UrlAuth;

/// <summary>Type A signing exactly as Alibaba publishes it: md5("URI-timestamp-rand-uid-PrivateKey") in lower-case hex.</summary>
public sealed class TypeAAuthKeyTests
{
    [Fact]
    public void Alibabas_published_type_A_example_is_reproduced_exactly()
    {
        // help.aliyun.com, CDN "Type A signing": /video/standard/test.mp4, key aliyuncdnexp1234, timestamp 1444435200, rand 0, uid 0.
        var key = TypeAAuthKey.Sign("/video/standard/test.mp4", 1444435200, "0", "0", Signers.AlibabaExampleKey);

        Assert.Equal("23bf85053008f5c0e791667a313e28ce", key.Md5Hash);
        Assert.Equal("1444435200-0-0-23bf85053008f5c0e791667a313e28ce", key.ToString());
    }

    [Fact]
    public void The_signer_turns_the_example_url_into_the_signed_url_alibaba_shows()
    {
        var signer = Signers.Create(new ManualClock(DateTimeOffset.FromUnixTimeSeconds(1444435200)));

        Assert.Equal(
            "http://cdn.example.com/video/standard/test.mp4?auth_key=1444435200-0-0-23bf85053008f5c0e791667a313e28ce",
            signer.Sign("http://cdn.example.com/video/standard/test.mp4"));
    }

    [Fact]
    public void Alibabas_earlier_published_example_is_reproduced_too()
    {
        // The older edition of the same page: /video/standard/1K.html with the same key and timestamp.
        Assert.Equal("80cd3862d699b7118eed99103f2a3a4f", TypeAAuthKey.Sign("/video/standard/1K.html", 1444435200, "0", "0", Signers.AlibabaExampleKey).Md5Hash);
    }

    [Fact]
    public void A_random_rand_changes_the_hash_and_is_carried_in_the_auth_key()
    {
        var key = TypeAAuthKey.Sign("/video/standard/test.mp4", 1444435200, "477b3bbc253f467b8def6711128c7bec", "0", Signers.AlibabaExampleKey);

        Assert.NotEqual("23bf85053008f5c0e791667a313e28ce", key.Md5Hash);
        Assert.StartsWith("1444435200-477b3bbc253f467b8def6711128c7bec-0-", key.ToString(), StringComparison.Ordinal);
        Assert.True(TypeAAuthKey.Parse(key.ToString()).Value.Signs("/video/standard/test.mp4", Signers.AlibabaExampleKey));
    }

    [Theory]
    [InlineData(null, "This file needs a signed URL (auth_key).")]
    [InlineData("", "This file needs a signed URL (auth_key).")]
    [InlineData("1444435200-0-23bf85053008f5c0e791667a313e28ce", "The auth_key must be timestamp-rand-uid-md5hash.")]
    [InlineData("1444435200-0-0-0-23bf85053008f5c0e791667a313e28ce", "The auth_key must be timestamp-rand-uid-md5hash.")]
    [InlineData("soon-0-0-23bf85053008f5c0e791667a313e28ce", "The auth_key's timestamp must be Unix seconds.")]
    [InlineData("14444352001-0-0-23bf85053008f5c0e791667a313e28ce", "The auth_key's timestamp must be Unix seconds.")]
    [InlineData("1444435200-0-0-23bf85053008f5c0e791667a313e28", "The auth_key's hash must be 32 hex digits.")]
    [InlineData("1444435200-0-0-zzbf85053008f5c0e791667a313e28ce", "The auth_key's hash must be 32 hex digits.")]
    public void A_malformed_auth_key_is_forbidden_with_the_part_that_is_wrong(string? value, string message)
    {
        var parsed = TypeAAuthKey.Parse(value);

        Assert.Equal((ResultStatus.Forbidden, message), (parsed.Status, parsed.Error));
    }
}
