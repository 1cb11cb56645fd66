using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MediaAdmin.Core.Results;

namespace MediaAdmin.Core.Cdn.UrlAuth;

/// <summary>
/// The value of a type A signed URL's <c>auth_key</c> parameter: <c>{timestamp}-{rand}-{uid}-{md5hash}</c>, where
/// timestamp is when the URL was issued (Unix seconds) and md5hash is the MD5 of "URI-timestamp-rand-uid-PrivateKey"
/// in lower-case hex, URI being the URL's path without parameters.
/// </summary>
public sealed record TypeAAuthKey(long Timestamp, string Rand, string Uid, string Md5Hash)
{
    public const string ParameterName = "auth_key";

    /// <summary>Signs <paramref name="uri"/> (a path starting with '/') as issued at <paramref name="timestamp"/>.</summary>
    public static TypeAAuthKey Sign(string uri, long timestamp, string rand, string uid, string privateKey) =>
        new(timestamp, rand, uid, Hash(uri, timestamp, rand, uid, privateKey));

    /// <summary>The parts of an auth_key value, or Forbidden saying which part is malformed (never why it would not verify).</summary>
    public static Result<TypeAAuthKey> Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Problem.Forbidden("This file needs a signed URL (auth_key).");
        }

        var parts = value.Split('-');
        if (parts.Length != 4 || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return Problem.Forbidden("The auth_key must be timestamp-rand-uid-md5hash.");
        }

        if (parts[0].Length is 0 or > 10 || !parts[0].All(char.IsAsciiDigit))
        {
            return Problem.Forbidden("The auth_key's timestamp must be Unix seconds.");
        }

        if (parts[3].Length != 32 || !parts[3].All(char.IsAsciiHexDigit))
        {
            return Problem.Forbidden("The auth_key's hash must be 32 hex digits.");
        }

        return new TypeAAuthKey(long.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], parts[2], parts[3].ToLowerInvariant());
    }

    /// <summary>Whether this is the signature of <paramref name="uri"/> under <paramref name="privateKey"/>, compared in constant time.</summary>
    public bool Signs(string uri, string privateKey) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Md5Hash), Encoding.ASCII.GetBytes(Hash(uri, Timestamp, Rand, Uid, privateKey)));

    public override string ToString() => $"{Timestamp.ToString(CultureInfo.InvariantCulture)}-{Rand}-{Uid}-{Md5Hash}";

    private static string Hash(string uri, long timestamp, string rand, string uid, string privateKey)
    {
        var signed = $"{uri}-{timestamp.ToString(CultureInfo.InvariantCulture)}-{rand}-{uid}-{privateKey}";
#pragma warning disable CA5351 // MD5 is what Alibaba's type A signing is defined with; the key, not the hash, is the secret.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(signed)));
#pragma warning restore CA5351
    }
}
