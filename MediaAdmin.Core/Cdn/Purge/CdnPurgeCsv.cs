using System.Globalization;
using System.Text;
using static MediaAdmin.Core.Audit.AuditLogService;

namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>Deletions' purges as CSV, one line per deletion, quoted the way the audit log export quotes.</summary>
internal static class CdnPurgeCsv
{
    public static string Write(IEnumerable<CdnPurgeSummary> summaries)
    {
        var csv = new StringBuilder("request_id,deleted_at_utc,deleted_by,video_ids,state,open,url_count,sent,accepted,refused,probed,gone,attempts,error,wait_reason,done_at_utc,done_by,done_reason\n");
        foreach (var s in summaries)
        {
            csv.AppendJoin(',',
                Csv(s.RequestId), Time(s.DeletedAtUtc), Csv(s.DeletedBy), Csv(string.Join(' ', s.VideoIds)), s.State.ToString(), s.IsOpen ? "yes" : "no",
                Number(s.UrlCount), Number(s.Progress.Sent), Number(s.Progress.Accepted), Number(s.Progress.Refused), Number(s.Progress.Probed), Number(s.Progress.Gone),
                Number(s.Attempts), Csv(s.Error), Csv(s.WaitReason), s.DoneAtUtc is { } done ? Time(done) : "", Csv(s.DoneBy), Csv(s.DoneReason));
            csv.Append('\n');
        }

        return csv.ToString();
    }

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
