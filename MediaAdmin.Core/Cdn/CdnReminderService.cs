using MediaAdmin.Core.Data;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Cdn;

/// <summary>
/// The reminders to refresh CDN caches after deletions, kept until someone marks them done. Anyone who
/// may read the library sees them; marking one done takes a delete permission (own or any), since it
/// belongs with the deletion that left the URLs, and a reader who dismisses it leaves deleted media served.
/// </summary>
public sealed class CdnReminderService(IDbContextFactory<MediaDbContext> dbFactory, PermissionService permissions, TimeProvider clock)
{
    /// <summary>Open reminders, oldest first, for anyone who may read the library.</summary>
    public async Task<Result<OpenCdnReminders>> OpenAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var caller = await permissions.GetAsync(db, userId, cancellationToken);
        if (!caller.Has(PermissionNames.ReadMedia))
        {
            return Problem.Forbidden("Your roles do not allow reading the library.");
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
        var reminders = open.Select(i => ToReminder(i) with
        {
            Channel = doors.TryGetValue(i.RequestId, out var door) ? door.Channel : Audit.DeletionChannel.Console,
            AccessKeyId = doors.TryGetValue(i.RequestId, out var key) ? key.AccessKeyId : null,
        }).ToList();
        return new OpenCdnReminders(reminders, caller.CanDeleteAssets);
    }

    /// <summary>Marks a reminder refreshed, once; only for callers who may delete assets.</summary>
    public async Task<Result<Done>> MarkRefreshedAsync(string userId, long reminderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var who = await permissions.GetAsync(db, userId, cancellationToken);
        if (!who.CanDeleteAssets)
        {
            return Problem.Forbidden("Only people who may delete assets may mark a CDN refresh done.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.CdnInvalidations
            .Where(i => i.Id == reminderId && i.RefreshedAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RefreshedAtUtc, now).SetProperty(i => i.RefreshedByName, who.UserName), cancellationToken);
        if (marked == 1)
        {
            return Result.Ok();
        }

        var refreshedBy = await db.CdnInvalidations.Where(i => i.Id == reminderId).Select(i => i.RefreshedByName).ToListAsync(cancellationToken);
        return refreshedBy.Count == 0
            ? Problem.NotFound("That CDN reminder does not exist.")
            : Problem.Conflict($"Already marked refreshed by {refreshedBy[0] ?? "someone else"}.");
    }

    private static CdnReminder ToReminder(CdnInvalidation i) =>
        new(i.Id, i.RequestId, i.DeletedByName, i.DeletedAtUtc, i.UrlCount, i.Urls, i.RefreshedAtUtc, i.RefreshedByName);

    /// <summary>One URL per line, the format CDN refresh consoles accept.</summary>
    public static string AsText(IEnumerable<string> urls) => string.Join("\n", urls) + "\n";
}
