using MediaAdmin.Core.AlibabaVod;

namespace MediaAdmin.Tests.AlibabaVod;

public sealed class VodErrorTests
{
    private const string SignatureMismatch =
        "Specified signature is not matched with our calculation. server string to sign is:GET&%2F&AccessKeyId%3DLTAI5tExampleKey%26Action%3DGetVideoInfos%26Format%3DJSON";

    [Fact]
    public void For_people_a_signature_mismatch_keeps_code_message_and_request_id_but_not_the_string_to_sign()
    {
        var error = new VodError("SignatureDoesNotMatch", SignatureMismatch, 400, "R-1");

        var shown = error.ForPeople();

        Assert.StartsWith("SignatureDoesNotMatch: Specified signature is not matched with our calculation.", shown, StringComparison.Ordinal);
        Assert.EndsWith("(RequestId R-1)", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("LTAI5tExampleKey", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Action%3D", shown, StringComparison.Ordinal);
        Assert.Equal(shown, error.ToString());
    }

    [Theory]
    [InlineData("The AccessKeyId=LTAI5tExampleKey is disabled.")]
    [InlineData("Key AccessKeyId%3DLTAI5tExampleKey%26 not found.")]
    [InlineData("Specified access key is not found. AccessKeyId: LTAI5tExampleKey")]
    public void For_people_an_AccessKeyId_anywhere_in_the_message_is_withheld(string message)
    {
        var shown = new VodError("InvalidAccessKeyId.NotFound", message, 404, null).ForPeople();

        Assert.DoesNotContain("LTAI5tExampleKey", shown, StringComparison.Ordinal);
        Assert.Contains("InvalidAccessKeyId.NotFound", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void For_people_an_ordinary_message_is_unchanged()
    {
        var error = new VodError("Forbidden.RAM", "User not authorized to operate on the specified resource.", 403, "R-403");

        Assert.Equal("Forbidden.RAM: User not authorized to operate on the specified resource. (RequestId R-403)", error.ForPeople());
    }
}
