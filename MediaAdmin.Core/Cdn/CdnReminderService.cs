using MediaAdmin.Core.Data;
using MediaAdmin.Core.Permissions;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Cdn;

/// <summary>A deletion whose URLs the CDN may still serve, as the CDN refresh page lists it.</summary>
public sealed record CdnReminder(
    long Id, string RequestId, string DeletedBy, DateTime DeletedAtUtc, int UrlCount, IReadOnlyList<string> Urls, DateTime? RefreshedAtUtc, string? RefreshedBy,
    Audit.DeletionChannel Channel = Audit.DeletionChannel.Console, string? AccessKeyId = null);

/// <summary>The reminders to refresh CDN caches after deletions, kept until someone marks them done.</summary>
public sealed class CdnReminderService(IDbContextFactory<MediaDbContext> dbFactory, PermissionService permissions, TimeProvider clock)
{
    /// <summary>Open reminders, oldest first, for anyone who may read the library.</summary>
    public async Task<IReadOnlyList<CdnReminder>> OpenAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!(await permissions.GetAsync(db, userId, cancellationToken)).Has(PermissionNames.ReadMedia))
        {
            return [];
        }

        var open = await db.CdnInvalidations.AsNoTracking()
            .Where(i => i.RefreshedAtUtc == null)
            .OrderBy(i => i.DeletedAtUtc)
            .Take(500)
            .ToListAsync(cancellationToken);
        var requestIds = open.Select(i => i.RequestId).ToList();
        var doors = await db.DeletionAuditRecords.AsNoTracking()
            .Where(r => requestIds.Contains(r.RequestId))
            .Select(r => new { r.RequestId, r.Channel, r.AccessKeyId })
            .ToDictionaryAsync(r => r.RequestId, cancellationToken);
        return open.Select(i => ToReminder(i) with
        {
            Channel = doors.TryGetValue(i.RequestId, out var door) ? door.Channel : Audit.DeletionChannel.Console,
            AccessKeyId = doors.TryGetValue(i.RequestId, out var key) ? key.AccessKeyId : null,
        }).ToList();
    }

    /// <summary>Marks a reminder refreshed; false when the caller may not, or it is unknown or already done.</summary>
    public async Task<bool> MarkRefreshedAsync(string userId, long reminderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var who = await permissions.GetAsync(db, userId, cancellationToken);
        if (!who.Has(PermissionNames.ReadMedia))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await db.CdnInvalidations
            .Where(i => i.Id == reminderId && i.RefreshedAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RefreshedAtUtc, now).SetProperty(i => i.RefreshedByName, who.UserName), cancellationToken) == 1;
    }

    private static CdnReminder ToReminder(CdnInvalidation i) =>
        new(i.Id, i.RequestId, i.DeletedByName, i.DeletedAtUtc, i.UrlCount, i.Urls, i.RefreshedAtUtc, i.RefreshedByName);

    /// <summary>One URL per line, the format CDN refresh consoles accept.</summary>
    public static string AsText(IEnumerable<string> urls) => string.Join("\n", urls) + "\n";
}
