using MediaAdmin.Core.AccessKeys;

namespace MediaAdmin.Web.Api;

/// <summary>
/// Decides who a request acts as, in the order the spec suggests: the address's brake, required
/// parameters, timestamp, AccessKey, signature v1, the key's state, then the nonce (used up only by
/// requests that passed everything else). Failed keys and signatures count toward the address's brake.
/// </summary>
internal sealed class RpcAuthenticator(AccessKeyService keys, NonceStore nonces, RpcRateLimits limits, TimeProvider clock)
{
    private static readonly string[] Required = ["Action", "Version", "AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature"];

    public async Task<RpcResult<RpcCaller>> AuthenticateAsync(
        string httpMethod, IReadOnlyDictionary<string, string> parameters, string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (limits.IsBlocked(address))
        {
            return RpcError.Throttling;
        }

        if (Required.FirstOrDefault(name => !parameters.TryGetValue(name, out var value) || value.Length == 0) is { } missing)
        {
            return RpcError.MissingParameter(missing);
        }

        if (!RpcTime.TryParse(parameters["Timestamp"], out var timestamp))
        {
            return RpcError.TimestampFormat;
        }

        if ((clock.GetUtcNow().UtcDateTime - timestamp).Duration() > NonceStore.Window)
        {
            return RpcError.TimestampExpired;
        }

        if (parameters["SignatureMethod"] != "HMAC-SHA1")
        {
            return RpcError.InvalidParameter("SignatureMethod");
        }

        if (parameters["SignatureVersion"] != "1.0")
        {
            return RpcError.InvalidParameter("SignatureVersion");
        }

        var key = await keys.ForSigningAsync(parameters["AccessKeyId"], cancellationToken);
        if (key.Refusal == AccessKeyRefusal.NotFound)
        {
            limits.SignatureFailed(address);
            return RpcError.AccessKeyNotFound;
        }

        var stringToSign = RpcSignature.StringToSign(httpMethod, parameters);
        if (!RpcSignature.Matches(RpcSignature.Sign(stringToSign, key.Secret), parameters["Signature"]))
        {
            limits.SignatureFailed(address);
            return RpcError.SignatureDoesNotMatch(stringToSign);
        }

        if (key.Refusal != AccessKeyRefusal.None)
        {
            return key.Refusal == AccessKeyRefusal.Disabled ? RpcError.AccessKeyInactive : RpcError.Forbidden;
        }

        var nonce = parameters["SignatureNonce"];
        if (nonce.Length > UsedNonce.MaxLength)
        {
            return RpcError.InvalidParameter("SignatureNonce");
        }

        if (!await nonces.TryUseAsync(nonce, cancellationToken))
        {
            return RpcError.NonceUsed;
        }

        await keys.MarkUsedAsync(key.Id, cancellationToken);
        return new RpcCaller(key.UserId, key.Id, address);
    }
}
