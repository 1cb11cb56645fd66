namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// What a provider's daily quota still allows: URL purges and folder (directory) purges left today; or, when the
/// provider could not be asked, why (<see cref="UnknownBecause"/>), since a made-up number would mislead.
/// </summary>
public sealed record CdnPurgeQuota(bool Limited, int UrlsLeft, int DirectoriesLeft, int UrlsPerDay, int DirectoriesPerDay, string? UnknownBecause = null)
{
    /// <summary>The provider did not say what is left today, for the reason given.</summary>
    public static CdnPurgeQuota Unknown(string reason) => new(true, 0, 0, 0, 0, reason);

    /// <summary>An edge that takes as many purges as it is sent.</summary>
    public static CdnPurgeQuota Unlimited { get; } = new(false, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue);
}
