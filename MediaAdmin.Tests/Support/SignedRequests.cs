using System.Globalization;
using MediaAdmin.Core.AccessKeys;

namespace MediaAdmin.Tests.Support;

/// <summary>Requests signed by hand, for what no official client lets a test do: replay, old timestamps, wrong secrets in a burst, hostile parameters.</summary>
public static class SignedRequests
{
    public static string DeleteVideoQuery(string accessKeyId, string secret, string videoIds, DateTime? timestamp = null, string? nonce = null, string version = "2017-03-21") =>
        Query(accessKeyId, secret, "DeleteVideo", new Dictionary<string, string> { ["VideoIds"] = videoIds }, timestamp, nonce, version);

    /// <summary>
    /// The encoded parameters of a call to <paramref name="action"/> signed with <paramref name="secret"/>: the query
    /// string of a GET, or the form body of a POST (for values longer than a request line may be).
    /// </summary>
    public static string Query(
        string accessKeyId, string secret, string action, IReadOnlyDictionary<string, string> actionParameters,
        DateTime? timestamp = null, string? nonce = null, string version = "2017-03-21", string method = "GET")
    {
        var parameters = new Dictionary<string, string>
        {
            ["Action"] = action, ["Version"] = version, ["Format"] = "JSON", ["AccessKeyId"] = accessKeyId,
            ["SignatureMethod"] = "HMAC-SHA1", ["SignatureVersion"] = "1.0", ["SignatureNonce"] = nonce ?? Guid.NewGuid().ToString("N"),
            ["Timestamp"] = (timestamp ?? DateTime.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in actionParameters)
        {
            parameters[name] = value;
        }

        parameters["Signature"] = RpcSignature.Compute(method, parameters, secret);
        return string.Join("&", parameters.Select(p => RpcSignature.Encode(p.Key) + "=" + RpcSignature.Encode(p.Value)));
    }
}
