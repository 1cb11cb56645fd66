using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MediaAdmin.Benchmarks;

/// <summary>A signed-in console user speaking the upload protocol as upload.js does: cookie, antiforgery header, 8 MB chunks.</summary>
internal sealed partial class ConsoleUploader : IDisposable
{
    public const int ChunkBytes = 8 * 1024 * 1024;

    private readonly HttpClient _http;

    private ConsoleUploader(HttpClient http) => _http = http;

    /// <summary>Posts the real login form (with its antiforgery token), then fetches the upload token as the dialog does.</summary>
    public static async Task<ConsoleUploader> SignInAsync(Uri console, string email, string password)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = console,
            Timeout = TimeSpan.FromMinutes(5),
        };
        var login = new Uri("/Account/Login", UriKind.Relative);
        var page = await http.GetStringAsync(login);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var signedIn = await http.PostAsync(login, form);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"signing in answered {signedIn.StatusCode}");
        }

        var token = await http.GetFromJsonAsync<JsonElement>(new Uri("/upload/token", UriKind.Relative));
        http.DefaultRequestHeaders.Add(token.GetProperty("headerName").GetString()!, token.GetProperty("token").GetString());
        return new ConsoleUploader(http);
    }

    public async Task<string> StartAsync(string fileName, long sizeBytes)
    {
        using var started = await _http.PostAsJsonAsync(new Uri("/upload", UriKind.Relative), new { fileName, sizeBytes });
        await EnsureAsync(started, HttpStatusCode.Created);
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Sends the whole file in chunks, each read from disk as the browser slices a File; returns at the last chunk's answer.</summary>
    public async Task SendAsync(string id, string path)
    {
        var buffer = new byte[ChunkBytes];
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        var total = file.Length;
        for (long from = 0; from < total;)
        {
            var length = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(ChunkBytes, total - from)));
            using var chunk = new ByteArrayContent(buffer, 0, length);
            chunk.Headers.ContentRange = new ContentRangeHeaderValue(from, from + length - 1, total);
            using var answer = await _http.PutAsync(new Uri($"/upload/{id}", UriKind.Relative), chunk);
            await EnsureAsync(answer, HttpStatusCode.OK);
            from += length;
        }
    }

    /// <summary>Cancels the upload, which removes its partial file and sidecar.</summary>
    public async Task CancelAsync(string id)
    {
        using var cancelled = await _http.DeleteAsync(new Uri($"/upload/{id}", UriKind.Relative));
        await EnsureAsync(cancelled, HttpStatusCode.NoContent);
    }

    public void Dispose() => _http.Dispose();

    private static async Task EnsureAsync(HttpResponseMessage answer, HttpStatusCode expected)
    {
        if (answer.StatusCode != expected)
        {
            throw new InvalidOperationException($"{answer.RequestMessage?.Method} {answer.RequestMessage?.RequestUri} answered {answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
