namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>What a provider's daily quota still allows: URL purges and folder (directory) purges left today.</summary>
public sealed record CdnPurgeQuota(bool Limited, int UrlsLeft, int DirectoriesLeft, int UrlsPerDay, int DirectoriesPerDay)
{
    /// <summary>An edge that takes as many purges as it is sent.</summary>
    public static CdnPurgeQuota Unlimited { get; } = new(false, int.MaxValue, int.MaxValue, int.MaxValue, int.MaxValue);
}
