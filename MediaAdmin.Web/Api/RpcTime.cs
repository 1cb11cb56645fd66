using System.Globalization;

namespace MediaAdmin.Web.Api;

/// <summary>Times as the RPC protocol writes them: UTC, to the second, 'yyyy-MM-ddTHH:mm:ssZ'.</summary>
internal static class RpcTime
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static bool TryParse(string raw, out DateTime utc) =>
        DateTime.TryParseExact(raw, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);

    public static string Format(DateTime utc) => utc.ToString(Pattern, CultureInfo.InvariantCulture);
}
