namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// One way of telling a CDN to drop what a deletion left cached (<c>Cdn:Purge:Provider</c>): an edge that takes
/// HTTP PURGE/BAN requests, or ApsaraVideo VOD's refresh API. Implementations answer with values for every
/// expected outcome (refused, quota spent, edge down); exceptions are for the unexpected only.
/// </summary>
public interface ICdnPurgeProvider
{
    /// <summary>Asks the CDN to purge the batch's URLs; says per URL whether it was accepted, or why the batch must wait.</summary>
    Task<CdnPurgeSubmission> SubmitAsync(CdnPurgeBatch batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// The state of purge tasks an earlier submission returned (providers that purge asynchronously); providers
    /// that purge synchronously answer every task as done.
    /// </summary>
    Task<CdnPurgeTaskCheck> CheckTasksAsync(IReadOnlyList<string> taskIds, CancellationToken cancellationToken = default);

    /// <summary>How many purges the provider still accepts today; <see cref="CdnPurgeQuota.Unlimited"/> for edges without a quota.</summary>
    Task<CdnPurgeQuota> GetQuotaAsync(CancellationToken cancellationToken = default);
}
