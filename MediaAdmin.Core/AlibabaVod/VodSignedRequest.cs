using System.Globalization;
using System.Text;
using MediaAdmin.Core.AccessKeys;

namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// One RPC call as Alibaba's clients send it with POST: the common parameters plus the action's, signed with
/// <see cref="RpcSignature"/> (version 1, HMAC-SHA1) and sent as a form body. POST keeps long ObjectPath lists
/// out of the request line and keeps the signature out of any URL a proxy or an exception might print.
/// </summary>
internal static class VodSignedRequest
{
    public const string ApiVersion = "2017-03-21";

    private static readonly HashSet<string> CommonNames = new(StringComparer.Ordinal)
    {
        "Action", "Version", "Format", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature", "RegionId",
    };

    public static HttpRequestMessage Create(VodAccount account, string action, IReadOnlyDictionary<string, string> parameters, DateTimeOffset now)
    {
        if (parameters.Keys.FirstOrDefault(CommonNames.Contains) is { } reserved)
        {
            throw new ArgumentException($"'{reserved}' is a common parameter the VOD client sets itself.", nameof(parameters));
        }

        var signed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Action"] = action,
            ["Version"] = ApiVersion,
            ["Format"] = "JSON",
            ["AccessKeyId"] = account.AccessKeyId,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureVersion"] = "1.0",
            ["SignatureNonce"] = Guid.NewGuid().ToString("N"),
            ["Timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrWhiteSpace(account.RegionId))
        {
            signed["RegionId"] = account.RegionId;
        }

        foreach (var (name, value) in parameters)
        {
            signed[name] = value;
        }

        signed["Signature"] = RpcSignature.Compute("POST", signed, account.AccessKeySecret);
        var body = string.Join("&", signed.Select(p => RpcSignature.Encode(p.Key) + "=" + RpcSignature.Encode(p.Value)));
        return new HttpRequestMessage(HttpMethod.Post, new Uri(account.Endpoint.AbsoluteUri.TrimEnd('/') + "/"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
    }
}
