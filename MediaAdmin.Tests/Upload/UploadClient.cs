using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Upload;

/// <summary>A signed-in console user speaking the upload protocol as upload.js does: cookie, antiforgery header, chunks.</summary>
public sealed class UploadClient : IDisposable
{
    private UploadClient(HttpClient http, string userId)
    {
        Http = http;
        UserId = userId;
    }

    public HttpClient Http { get; }

    public string UserId { get; }

    /// <summary>Signs in as a new user of <paramref name="role"/> and, when allowed, fetches the antiforgery token.</summary>
    public static async Task<UploadClient> SignInAsync(ConsoleServer server, string role)
    {
        ArgumentNullException.ThrowIfNull(server);
        var user = await server.CreateUserAsync(role);
        var http = server.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await ConsoleServer.PostLoginAsync(http, user.Email!, "Test-Password-1")).StatusCode);
        var token = await http.GetAsync(new Uri("/upload/token", UriKind.Relative));
        if (token.IsSuccessStatusCode)
        {
            var body = await token.Content.ReadFromJsonAsync<JsonElement>();
            http.DefaultRequestHeaders.Add(body.GetProperty("headerName").GetString()!, body.GetProperty("token").GetString());
        }

        return new UploadClient(http, user.Id);
    }

    public Task<HttpResponseMessage> StartAsync(string fileName, long size, string? title = null) =>
        Http.PostAsJsonAsync(new Uri("/upload", UriKind.Relative), new { fileName, sizeBytes = size, title });

    public async Task<string> StartIdAsync(string fileName, long size)
    {
        var started = await StartAsync(fileName, size);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Starts an upload of a random file of <paramref name="size"/> bytes and sends its first <paramref name="sentBytes"/>.</summary>
    public async Task<(string Id, byte[] File)> StartPartlySentAsync(string fileName, int size, int sentBytes)
    {
        var file = RandomFile(size);
        var id = await StartIdAsync(fileName, size);
        if (sentBytes > 0)
        {
            Assert.Equal(HttpStatusCode.OK, (await PutAsync(id, file, 0, sentBytes - 1)).StatusCode);
        }

        return (id, file);
    }

    public static byte[] RandomFile(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    public Task<HttpResponseMessage> PutAsync(string id, byte[] file, long from, long to, CancellationToken cancellationToken = default) =>
        PutAsync(id, new ByteArrayContent(file, (int)from, (int)(to - from + 1)), from, to, file.Length, cancellationToken);

    public Task<HttpResponseMessage> PutAsync(string id, HttpContent chunk, long from, long to, long total, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        chunk.Headers.ContentRange = new ContentRangeHeaderValue(from, to, total);
        return Http.PutAsync(new Uri($"/upload/{id}", UriKind.Relative), chunk, cancellationToken);
    }

    public async Task<long> OffsetAsync(string id)
    {
        var answer = await Http.GetAsync(new Uri($"/upload/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return long.Parse(answer.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);
    }

    public Task<HttpResponseMessage> CompleteAsync(string id) =>
        Http.PostAsync(new Uri($"/upload/{id}/complete", UriKind.Relative), null);

    public Task<HttpResponseMessage> CancelAsync(string id) =>
        Http.DeleteAsync(new Uri($"/upload/{id}", UriKind.Relative));

    public static async Task<string> DetailOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }

    public void Dispose() => Http.Dispose();
}
