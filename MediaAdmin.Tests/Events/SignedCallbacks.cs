using System.Globalization;
using System.Text;
using MediaAdmin.Core.Events;

namespace MediaAdmin.Tests.Events;

/// <summary>Event callbacks posted the way ApsaraVideo VOD posts them, or spoiled on purpose.</summary>
public static class SignedCallbacks
{
    public static Task<HttpResponseMessage> PostAsync(
        HttpClient client, Uri url, string body, string privateKey, DateTimeOffset? at = null, string? signature = null, bool withHeaders = true)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (withHeaders)
        {
            request.Headers.Add(VodCallbackSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(VodCallbackSignature.SignatureHeader, signature ?? VodCallbackSignature.Compute(url.ToString(), timestamp, privateKey));
        }

        return client.SendAsync(request);
    }

    public static string FileUploadComplete(string videoId, DateTime eventTime) =>
        $$"""{"Status":"success","EventTime":"{{Time(eventTime)}}","EventType":"FileUploadComplete","VideoId":"{{videoId}}","Size":1439213,"FileUrl":"http://example-bucket.oss-cn-shanghai.aliyuncs.com/{{videoId}}.mp4"}""";

    public static string DeleteMediaComplete(string videoId, DateTime eventTime) =>
        $$"""{"EventType":"DeleteMediaComplete","EventTime":"{{Time(eventTime)}}","Status":"success","MediaType":"video","DeleteType":"all","MediaId":"{{videoId}}"}""";

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
