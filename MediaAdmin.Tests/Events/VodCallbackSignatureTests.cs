using MediaAdmin.Core.Events;

namespace MediaAdmin.Tests.Events;

public sealed class VodCallbackSignatureTests
{
    /// <summary>
    /// Alibaba's "HTTP callback authentication" example (callback URL, timestamp 1519375990, key test123), whose
    /// published signature starts c72b60894140fa98920f1279219b; the whole value was computed independently with
    /// <c>printf '%s' 'https://www.example.com/your/callback|1519375990|test123' | md5sum</c>.
    /// </summary>
    [Fact]
    public void Signature_of_alibabas_published_example_is_the_md5sum_of_url_timestamp_and_key_joined_by_bars()
    {
        var signature = VodCallbackSignature.Compute("https://www.example.com/your/callback", 1519375990, "test123");

        Assert.Equal("c72b60894140fa98920f1279219b7ed4", signature);
    }

    [Fact]
    public void A_signature_matches_in_either_hex_case_and_any_other_value_does_not()
    {
        var expected = VodCallbackSignature.Compute("https://www.example.com/your/callback", 1519375990, "test123");

        Assert.True(VodCallbackSignature.Matches(expected, expected.ToUpperInvariant()));
        Assert.False(VodCallbackSignature.Matches(expected, VodCallbackSignature.Compute("https://www.example.com/your/callback", 1519375991, "test123")));
        Assert.False(VodCallbackSignature.Matches(expected, VodCallbackSignature.Compute("https://www.example.com/your/callback", 1519375990, "test124")));
        Assert.False(VodCallbackSignature.Matches(expected, expected[..31]));
    }
}
