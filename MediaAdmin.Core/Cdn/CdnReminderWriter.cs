using MediaAdmin.Core.Data;
using MediaAdmin.Core.Deletion;

namespace MediaAdmin.Core.Cdn;

/// <summary>
/// Leaves a reminder to refresh the CDN for the URLs a deletion left cached at the edge: a delete does
/// not purge the CDN. Written in the deletion's own transaction, so a reminder exists exactly when the deletion does.
/// </summary>
internal static class CdnReminderWriter
{
    /// <summary>Adds the reminder for <paramref name="deleted"/> to <paramref name="db"/>, unless no URL was served for them.</summary>
    public static void AddTo(MediaDbContext db, DeletionPlan plan, IReadOnlyList<DeletedVideo> deleted, DateTime now)
    {
        var urls = deleted.SelectMany(d => d.CdnUrls).ToList();
        if (urls.Count == 0)
        {
            return;
        }

        db.CdnInvalidations.Add(new CdnInvalidation
        {
            RequestId = plan.RequestId,
            DeletedByUserId = plan.Caller.UserId,
            DeletedByName = plan.Who.UserName,
            DeletedAtUtc = now,
            VideoIds = string.Join(",", deleted.Select(d => d.VideoId)),
            UrlList = string.Join("\n", urls),
            UrlCount = urls.Count,
        });
    }
}
