using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MediaAdmin.Core.Events;

/// <summary>
/// ApsaraVideo VOD's HTTP callback authentication, the one rule both directions use: <c>X-VOD-SIGNATURE</c> is the
/// lower-case hex MD5 of <c>CallbackURL|X-VOD-TIMESTAMP|PrivateKey</c>, the URL exactly as configured for the
/// callbacks and the timestamp in UNIX seconds. Alibaba does not sign the body.
/// </summary>
public static class VodCallbackSignature
{
    public const string TimestampHeader = "X-VOD-TIMESTAMP";

    public const string SignatureHeader = "X-VOD-SIGNATURE";

    /// <summary>The signature Alibaba sends for a callback to <paramref name="callbackUrl"/> at <paramref name="unixSeconds"/>.</summary>
    public static string Compute(string callbackUrl, long unixSeconds, string privateKey)
    {
        ArgumentNullException.ThrowIfNull(callbackUrl);
        ArgumentNullException.ThrowIfNull(privateKey);
        var content = string.Join('|', callbackUrl, unixSeconds.ToString(CultureInfo.InvariantCulture), privateKey);
#pragma warning disable CA5351 // MD5 is what Alibaba's callback authentication specifies.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(content)));
#pragma warning restore CA5351
    }

    /// <summary>Whether <paramref name="received"/> is <paramref name="expected"/>, hex in either case, compared in constant time.</summary>
    public static bool Matches(string expected, string received)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(received);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received.ToLowerInvariant()));
    }
}
