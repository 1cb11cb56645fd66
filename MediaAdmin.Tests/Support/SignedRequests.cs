using System.Globalization;
using MediaAdmin.Core.AccessKeys;

namespace MediaAdmin.Tests.Support;

/// <summary>DeleteVideo requests signed by hand, for what no official client lets a test do: replay, old timestamps, wrong secrets in a burst.</summary>
public static class SignedRequests
{
    public static string DeleteVideoQuery(string accessKeyId, string secret, string videoIds, DateTime? timestamp = null, string? nonce = null, string version = "2017-03-21")
    {
        var parameters = new Dictionary<string, string>
        {
            ["Action"] = "DeleteVideo", ["Version"] = version, ["Format"] = "JSON", ["AccessKeyId"] = accessKeyId,
            ["SignatureMethod"] = "HMAC-SHA1", ["SignatureVersion"] = "1.0", ["SignatureNonce"] = nonce ?? Guid.NewGuid().ToString("N"),
            ["Timestamp"] = (timestamp ?? DateTime.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), ["VideoIds"] = videoIds,
        };
        parameters["Signature"] = RpcSignature.Compute("GET", parameters, secret);
        return string.Join("&", parameters.Select(p => RpcSignature.Encode(p.Key) + "=" + RpcSignature.Encode(p.Value)));
    }
}
