using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace MediaAdmin.Core.AccessKeys;

/// <summary>
/// Alibaba Cloud RPC signature version 1 (HMAC-SHA1), as the official clients compute it: decoded
/// parameters but Signature, sorted ordinally by key, percent-encoded per RFC 3986 with upper-case
/// hex, joined, encoded again into METHOD&amp;%2F&amp;..., and signed with the secret plus '&amp;'.
/// </summary>
public static class RpcSignature
{
    private const string UpperHex = "0123456789ABCDEF";
    private static readonly SearchValues<char> Unreserved = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~");

    public static string StringToSign(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var canonical = string.Join("&", parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
        return httpMethod.ToUpperInvariant() + "&%2F&" + Encode(canonical);
    }

    public static string Compute(string httpMethod, IEnumerable<KeyValuePair<string, string>> parameters, string accessKeySecret) =>
        Sign(StringToSign(httpMethod, parameters), accessKeySecret);

    /// <summary>Base64 HMAC-SHA1 of a string to sign, keyed with the secret plus '&amp;'.</summary>
    public static string Sign(string stringToSign, string accessKeySecret)
    {
        ArgumentNullException.ThrowIfNull(stringToSign);
        ArgumentNullException.ThrowIfNull(accessKeySecret);
#pragma warning disable CA5350 // HMAC-SHA1 is what the protocol and every client use.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
#pragma warning restore CA5350
    }

    /// <summary>Compares a received signature with the expected one in constant time.</summary>
    public static bool Matches(string expected, string received) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received));

    /// <summary>UTF-8, then every byte but A-Z a-z 0-9 - _ . ~ as %XX with upper-case hex (a space is %20, never +).</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        // Most keys and values (IDs, numbers, the action) need no escaping; every signed call encodes each twice.
        if (!value.AsSpan().ContainsAnyExcept(Unreserved))
        {
            return value;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        var result = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (Unreserved.Contains((char)b))
            {
                result.Append((char)b);
            }
            else
            {
                result.Append('%').Append(UpperHex[b >> 4]).Append(UpperHex[b & 0xF]);
            }
        }

        return result.ToString();
    }
}
