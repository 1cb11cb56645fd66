using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MediaAdmin.Core.AccessKeys;

namespace MediaAdmin.Benchmarks;

/// <summary>One user's AccessKey calling the VOD RPC API of whichever instance it is handed, as the official clients sign.</summary>
internal sealed class SignedApiClient(HttpClient http, NewAccessKey key)
{
    public async Task<ApiOutcome> CallAsync(Uri api, string action, IReadOnlyDictionary<string, string> actionParameters)
    {
        var parameters = new Dictionary<string, string>(actionParameters)
        {
            ["Action"] = action, ["Version"] = "2017-03-21", ["Format"] = "JSON", ["AccessKeyId"] = key.Id,
            ["SignatureMethod"] = "HMAC-SHA1", ["SignatureVersion"] = "1.0", ["SignatureNonce"] = Guid.NewGuid().ToString("N"),
            ["Timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        parameters["Signature"] = RpcSignature.Compute("GET", parameters, key.Secret);
        var query = string.Join("&", parameters.Select(p => RpcSignature.Encode(p.Key) + "=" + RpcSignature.Encode(p.Value)));

        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.GetAsync(new Uri(api, "/?" + query));
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var code = TopLevelCode(body);
            return new ApiOutcome(action, response.IsSuccessStatusCode && code is null ? null : code ?? $"HTTP {(int)response.StatusCode}", elapsed);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new ApiOutcome(action, ex.GetType().Name, clock.Elapsed.TotalMilliseconds);
        }
    }

    /// <summary>
    /// The answer's top-level <c>Code</c>, read without building the document: the client shares the two cores with
    /// the instances it measures, so what it spends on each 20-video list they lack.
    /// </summary>
    private static string? TopLevelCode(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The answer is not a JSON object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isCode = reader.ValueTextEquals("Code"u8);
            reader.Read();
            if (isCode)
            {
                return reader.GetString();
            }

            reader.Skip();
        }

        return null;
    }
}

/// <summary>One call's answer: no error code for success, <c>Throttling.User</c> for intended throttling, anything else is an error.</summary>
internal sealed record ApiOutcome(string Action, string? Code, double Milliseconds)
{
    public bool Throttled => Code == "Throttling.User";
}
