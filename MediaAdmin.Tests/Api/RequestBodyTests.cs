using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Api;

/// <summary>Bodies the API cannot read, over the real Kestrel host: a client error in Alibaba's JSON shape, never a 500.</summary>
public sealed class RequestBodyTests : ConsoleServerTest
{
    [Fact]
    public async Task A_body_over_30_MB_answers_413_in_alibabas_json_shape()
    {
        // Waiting for "100 Continue" lets the client read the refusal instead of finding the connection closed mid-upload.
        using var http = new HttpClient { BaseAddress = Server.ApiAddress, DefaultRequestHeaders = { ExpectContinue = true } };
        using var body = new ByteArrayContent(Encoding.ASCII.GetBytes("Action=DeleteVideo&VideoIds=" + new string('a', 31_000_000)));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var answer = await http.PostAsync("/", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.StartsWith("application/json", answer.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal(
            ["RequestId", "HostId", "Code", "Message", "Recommend"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("EntityTooLarge", json.RootElement.GetProperty("Code").GetString());
        Assert.Equal("The request body is larger than the 30,000,000 bytes the API accepts.", json.RootElement.GetProperty("Message").GetString());
    }

    [Theory]
    [InlineData("multipart/form-data", "--abc\r\nContent-Disposition: form-data; name=\"Action\"\r\n\r\nDeleteVideo\r\n--abc--\r\n")]
    [InlineData("multipart/form-data; boundary=abc", "Action=DeleteVideo&VideoIds=a")]
    [InlineData("multipart/form-data; boundary=abc", "--abc\r\nContent-Disposition: form-data; name=\"Action\"\r\n\r\nDeleteVideo")]
    [InlineData("multipart/form-data; boundary=abc", "--abc\r\nnot a header line\r\n\r\nDeleteVideo\r\n--abc--\r\n")]
    public async Task A_multipart_body_with_a_broken_boundary_answers_400_InvalidParameter(string contentType, string content)
    {
        using var http = new HttpClient { BaseAddress = Server.ApiAddress };
        using var body = new ByteArrayContent(Encoding.ASCII.GetBytes(content));
        body.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var answer = await http.PostAsync("/", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal("InvalidParameter", json.RootElement.GetProperty("Code").GetString());
        Assert.StartsWith("The specified parameter \"body\" is not valid: ", json.RootElement.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }
}
