using MediaAdmin.Core.Data;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// The CDN refresh page's reading side: deletions with their purge state, one deletion in full, and a CSV export.
/// Anyone who may read the library sees them (a Viewer follows a reminder link too); acting takes <see cref="CdnPurgeService"/>.
/// </summary>
public sealed class CdnPurgeQueries(
    IDbContextFactory<MediaDbContext> dbFactory,
    PermissionService permissions,
    IOptions<CdnPurgeOptions> options,
    IOptions<Sources.LibrarySourceOptions> source,
    IEnumerable<ICdnPurgeProvider> providers)
{
    private const int MaxPageSize = 500;
    private const int MaxExport = 5000;

    private static readonly Problem NotAllowed = Problem.Forbidden("Your roles do not allow reading the library.");

    private CdnPurgeProviderKind Provider => options.Value.ProviderKind ?? CdnPurgeProviderKind.None;

    private bool RemovesFiles => !source.Value.IsAlibabaVod;

    /// <summary>A page of deletions matching <paramref name="query"/>, newest first.</summary>
    public async Task<Result<CdnPurgePage>> ListAsync(string userId, CdnPurgeListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Page < 0 || query.PageSize is < 1 or > MaxPageSize)
        {
            return Problem.Invalid($"Page must be 0 or more and page size between 1 and {MaxPageSize}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var caller = await permissions.GetAsync(db, userId, cancellationToken);
        if (!caller.Has(PermissionNames.ReadMedia))
        {
            return NotAllowed;
        }

        var matching = Filter(db, query);
        var total = await matching.CountAsync(cancellationToken);
        var found = await matching.OrderByDescending(i => i.DeletedAtUtc).ThenByDescending(i => i.Id)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        var summaries = await CdnPurgeSummaries.ForAsync(db, found, RemovesFiles, cancellationToken);
        return new CdnPurgePage(summaries, total, query.Page, query.PageSize, Provider, options.Value.Automatic, CanPurge(caller), caller.CanDeleteAssets);
    }

    /// <summary>One deletion by its request ID: every URL's result, the task IDs, and the quota the provider has left today.</summary>
    public async Task<Result<CdnPurgeDetail>> DetailAsync(string userId, string requestId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var caller = await permissions.GetAsync(db, userId, cancellationToken);
        if (!caller.Has(PermissionNames.ReadMedia))
        {
            return NotAllowed;
        }

        var id = requestId?.Trim().ToUpperInvariant() ?? "";
        var invalidation = await db.CdnInvalidations.AsNoTracking().SingleOrDefaultAsync(i => i.RequestId == id, cancellationToken);
        if (invalidation is null)
        {
            return Problem.NotFound($"No deletion {requestId} left URLs at the CDN.");
        }

        var summary = (await CdnPurgeSummaries.ForAsync(db, [invalidation], RemovesFiles, cancellationToken))[0];
        var urls = await CdnPurgeSummaries.UrlsAsync(db, invalidation, cancellationToken);
        var (quota, quotaError) = await QuotaAsync(cancellationToken);
        var canAct = CanPurge(caller);
        return new CdnPurgeDetail(
            summary, urls, invalidation.PurgeTaskIds.Split('\n', StringSplitOptions.RemoveEmptyEntries), Provider, quota, quotaError,
            canAct && summary.IsOpen, caller.CanDeleteAssets && summary.IsOpen);
    }

    /// <summary>The deletions matching <paramref name="query"/> (up to 5,000, any page) as CSV, one line per deletion.</summary>
    public async Task<Result<string>> ExportCsvAsync(string userId, CdnPurgeListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!(await permissions.GetAsync(db, userId, cancellationToken)).Has(PermissionNames.ReadMedia))
        {
            return NotAllowed;
        }

        var found = await Filter(db, query).OrderByDescending(i => i.DeletedAtUtc).ThenByDescending(i => i.Id).Take(MaxExport).ToListAsync(cancellationToken);
        return CdnPurgeCsv.Write(await CdnPurgeSummaries.ForAsync(db, found, withRemoval: false, cancellationToken));
    }

    private bool CanPurge(CallerPermissions caller) => caller.CanDeleteAssets && Provider != CdnPurgeProviderKind.None;

    private static IQueryable<CdnInvalidation> Filter(MediaDbContext db, CdnPurgeListQuery query)
    {
        var matching = db.CdnInvalidations.AsNoTracking();
        if (query.State is { } state)
        {
            matching = matching.Where(i => i.PurgeState == state);
        }

        return query.OpenOnly ? matching.Where(i => i.RefreshedAtUtc == null) : matching;
    }

    private async Task<(CdnPurgeQuota? Quota, string? Error)> QuotaAsync(CancellationToken cancellationToken)
    {
        if (providers.LastOrDefault() is not { } provider)
        {
            return (null, null);
        }

        try
        {
            var quota = await provider.GetQuotaAsync(cancellationToken);
            return quota.UnknownBecause is { } reason ? (null, reason) : (quota, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, $"The CDN did not say how many purges are left today: {ex.Message}");
        }
    }
}
