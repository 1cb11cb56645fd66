using System.Security.Cryptography;

namespace MediaAdmin.Core.Library;

/// <summary>Creates and recognises IDs in the format Alibaba Cloud VOD uses for VideoId.</summary>
public static class VideoId
{
    public const int Length = 32;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));

    public static bool IsWellFormed(string? candidate) =>
        candidate is { Length: Length } && candidate.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
