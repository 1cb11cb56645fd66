using System.Globalization;
using System.Text;
using MediaAdmin.Core.AccessKeys;

namespace MediaAdmin.Core.AlibabaVod;

/// <summary>
/// One RPC call as Alibaba's clients send it with POST: the common parameters plus the action's, signed with
/// <see cref="RpcSignature"/> (version 1, HMAC-SHA1) and sent as a form body. POST keeps long ObjectPath lists
/// out of the request line and keeps the signature out of any URL a proxy or an exception might print.
/// The request carries the call unsigned; <see cref="VodSigningHandler"/> signs each attempt with a fresh nonce
/// and timestamp, because Alibaba refuses a nonce it has seen and a retry would otherwise resend one.
/// </summary>
internal static class VodSignedRequest
{
    public const string ApiVersion = "2017-03-21";

    public static readonly HttpRequestOptionsKey<VodCall> CallKey = new("MediaAdmin.AlibabaVod.Call");

    /// <summary>False for a call that must not be repeated once it may have reached Alibaba; see <see cref="VodTransientReplies"/>.</summary>
    public static readonly HttpRequestOptionsKey<bool> RetryAfterSendKey = new("MediaAdmin.AlibabaVod.RetryAfterSend");

    private static readonly HashSet<string> CommonNames = new(StringComparer.Ordinal)
    {
        "Action", "Version", "Format", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature", "RegionId",
    };

    public static HttpRequestMessage Create(VodAccount account, string action, IReadOnlyDictionary<string, string> parameters)
    {
        if (parameters.Keys.FirstOrDefault(CommonNames.Contains) is { } reserved)
        {
            throw new ArgumentException($"'{reserved}' is a common parameter the VOD client sets itself.", nameof(parameters));
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(account.Endpoint.AbsoluteUri.TrimEnd('/') + "/"));
        request.Options.Set(CallKey, new VodCall(account, action, parameters));
        return request;
    }

    /// <summary>The form body of one attempt: every parameter, a new nonce, the time now, and the signature over them.</summary>
    public static HttpContent SignedBody(VodCall call, DateTimeOffset now)
    {
        var signed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Action"] = call.Action,
            ["Version"] = ApiVersion,
            ["Format"] = "JSON",
            ["AccessKeyId"] = call.Account.AccessKeyId,
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureVersion"] = "1.0",
            ["SignatureNonce"] = Guid.NewGuid().ToString("N"),
            ["Timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrWhiteSpace(call.Account.RegionId))
        {
            signed["RegionId"] = call.Account.RegionId;
        }

        foreach (var (name, value) in call.Parameters)
        {
            signed[name] = value;
        }

        signed["Signature"] = RpcSignature.Compute("POST", signed, call.Account.AccessKeySecret);
        var body = string.Join("&", signed.Select(p => RpcSignature.Encode(p.Key) + "=" + RpcSignature.Encode(p.Value)));
        return new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded");
    }

    /// <summary>What to sign: the account and the action with its own parameters.</summary>
    internal sealed record VodCall(VodAccount Account, string Action, IReadOnlyDictionary<string, string> Parameters);
}
