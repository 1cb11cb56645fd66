using System.Security.Cryptography;

namespace MediaAdmin.Core.Library;

/// <summary>Creates and recognises IDs in the format Alibaba Cloud VOD uses for VideoId.</summary>
public static class VideoId
{
    public const int Length = 32;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));

    /// <summary>The first 60 bits of an ID as a positive integer: a new asset's unique <see cref="MediaAsset.SearchKey"/> (IDs are random, so collisions are negligible).</summary>
    public static long SearchKeyOf(string id) => long.Parse(id.AsSpan(0, 15), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A unique <see cref="MediaAsset.SearchKey"/> for an ID from elsewhere (a mirrored video): the ID's own bits when it
    /// is in our format, else the first 60 bits of its SHA-256.
    /// </summary>
    public static long SearchKeyOfAny(string id) => IsWellFormed(id)
        ? SearchKeyOf(id)
        : (long)(BitConverter.ToUInt64(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)), 0) >> 4);

    public static bool IsWellFormed(string? candidate) =>
        candidate is { Length: Length } && candidate.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
